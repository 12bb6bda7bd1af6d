using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;

namespace AcmDr.Core.Reporting;

/// <summary>One acmdr policy as read from a dump or the hub: only the fields the report needs.</summary>
public sealed record HubPolicy(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    ComplianceState Compliance,
    IReadOnlyList<(string Cluster, ComplianceState Compliance)> Clusters,
    IReadOnlyList<(string Template, TemplateObservation Status)> Templates,
    string? ResolvedSite = null);

/// <summary>The site switch ConfigMap: its data and the flip audit trail annotation.</summary>
public sealed record SwitchReading(IReadOnlyDictionary<string, string> Data, string? FlipHistory, string Source);

/// <summary>Everything read from dumps or the live hub before it is matched to workloads.</summary>
/// <param name="DrpcsOrNull">acmdr's DRPlacementControls (dual-cluster apps); null when none were read.</param>
public sealed record HubSnapshot(IReadOnlyList<HubPolicy> Policies, SwitchReading? Switch, IReadOnlyList<DrpcObservation>? DrpcsOrNull = null)
{
    /// <summary>acmdr's DRPlacementControls as read; empty when none were.</summary>
    public IReadOnlyList<DrpcObservation> Drpcs => DrpcsOrNull ?? [];

    /// <summary>All parts' policies and DRPCs (a DRPC in several parts: the last part's); the switch of the last part that has one.</summary>
    public static HubSnapshot Merge(IEnumerable<HubSnapshot> parts)
    {
        var list = parts.ToList();
        return new HubSnapshot(
            list.SelectMany(p => p.Policies).ToList(),
            list.Select(p => p.Switch).LastOrDefault(s => s is not null),
            list.SelectMany(p => p.Drpcs).GroupBy(d => (d.Namespace, d.Name)).Select(g => g.Last()).ToList());
    }
}
