namespace AcmDr.Core.Settings;

/// <summary>A Ramen <c>DRPolicy</c> (cluster-scoped, on the hub) and the two clusters it pairs.</summary>
/// <param name="Line">Where it is written in the settings file (1-based; 0 when it is not from a file).</param>
public sealed record DrPolicyPair(string Name, string ClusterA, string ClusterB, int Line = 0, int Column = 0)
{
    public bool Pairs(string a, string b) =>
        (ClusterA == a && ClusterB == b) || (ClusterA == b && ClusterB == a);

    public bool Names(string cluster) => ClusterA == cluster || ClusterB == cluster;
}

/// <summary>One dual app's own PVC selector, replacing the default label rule (<see cref="DualSettings.PvcLabel"/>).</summary>
public sealed record DualAppOverride(string App, IReadOnlyList<KeyValuePair<string, string>> PvcMatchLabels, int Line = 0, int Column = 0);

/// <summary>
/// The dual-cluster topology's settings (the <c>dual:</c> section of <c>acmdr.yaml</c>): where the dual apps'
/// Placements and DRPlacementControls live on the hub, the name the hub has as a managed cluster (where the
/// hub-local policies are placed), the DRPolicies per cluster pair, and how each app's PVCs are selected.
/// </summary>
public sealed record DualSettings(
    string Namespace,
    string HubCluster,
    IReadOnlyList<DrPolicyPair> DrPolicies,
    string PvcLabel,
    IReadOnlyList<DualAppOverride> Apps)
{
    public static DualSettings Default { get; } = new("openshift-gitops", "local-cluster", [], "appname", []);

    /// <summary>The DRPolicy pairing <paramref name="home"/> and <paramref name="peer"/>, if the settings name one.</summary>
    public DrPolicyPair? PolicyFor(string home, string peer) => DrPolicies.FirstOrDefault(p => p.Pairs(home, peer));

    /// <summary>The PVC selector of <paramref name="app"/>: its override, else <see cref="PvcLabel"/> = the app's name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PvcMatchLabelsOf(string app) =>
        Apps.FirstOrDefault(a => a.App == app)?.PvcMatchLabels ?? [new(PvcLabel, app)];
}
