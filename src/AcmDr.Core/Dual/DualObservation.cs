namespace AcmDr.Core.Dual;

/// <summary>What the report reads for dual-cluster apps besides their VMs: the DRPCs and the settings they live by.</summary>
/// <param name="Drpcs">The DRPlacementControls read (acmdr's, in <paramref name="Namespace"/>).</param>
/// <param name="HomeSite">The first site: a dual app runs on its home cluster there, on its peer anywhere else.</param>
/// <param name="HubCluster">The hub's managed-cluster name, where the dual apps' policies are placed.</param>
/// <param name="SwitchMode">The switch's <c>mode</c> value; null when no switch was read or it has none.</param>
/// <param name="SwitchRead">Whether the switch was read (a missing mode then means the templates fail closed).</param>
public sealed record DualObservation(
    IReadOnlyList<DrpcObservation> Drpcs,
    string Namespace,
    string HomeSite,
    string HubCluster,
    string? SwitchMode,
    bool SwitchRead);
