namespace AcmDr.Core.Settings;

/// <summary>A Ramen <c>DRPolicy</c> (cluster-scoped, on the hub) and the two clusters it pairs.</summary>
/// <param name="Line">Where it is written in the settings file (1-based, with <paramref name="Column"/>; 0 when it is not from a file).</param>
public sealed record DrPolicyPair(string Name, string ClusterA, string ClusterB, int Line = 0, int Column = 0)
{
    public bool Pairs(string a, string b) =>
        (ClusterA == a && ClusterB == b) || (ClusterA == b && ClusterB == a);

    public bool Names(string cluster) => ClusterA == cluster || ClusterB == cluster;
}

/// <summary>One dual app's own PVC selector, replacing the default label rule (<see cref="DualSettings.PvcLabel"/>).</summary>
/// <param name="Line">Where the app is named in the settings file (1-based, with <paramref name="Column"/>; 0 when it is not from a file).</param>
public sealed record DualAppOverride(string App, IReadOnlyList<KeyValuePair<string, string>> PvcMatchLabels, int Line = 0, int Column = 0);

/// <summary>
/// The dual-cluster topology's settings (the <c>dual:</c> section of <c>acmdr.yaml</c>): where the dual apps'
/// Placements and DRPlacementControls live on the hub, the name the hub has as a managed cluster (where the
/// hub-local policies are placed), the DRPolicies per cluster pair, and how each app's PVCs are selected.
/// </summary>
/// <param name="Source">The settings file they were read from (null when not from a file): errors about them name it.</param>
public sealed record DualSettings(
    string Namespace,
    string HubCluster,
    IReadOnlyList<DrPolicyPair> DrPolicies,
    string PvcLabel,
    IReadOnlyList<DualAppOverride> Apps,
    string? Source = null)
{
    public static DualSettings Default { get; } = new("openshift-gitops", "local-cluster", [], "appname", []);

    /// <summary>The settings file as errors name it.</summary>
    public string SourceShown => Source ?? "acmdr.yaml";

    /// <summary>The DRPolicy pairing <paramref name="home"/> and <paramref name="peer"/>, if the settings name one.</summary>
    public DrPolicyPair? PolicyFor(string home, string peer)
    {
        foreach (var policy in DrPolicies)
        {
            if (policy.Pairs(home, peer))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>Whether any DRPolicy names <paramref name="cluster"/>.</summary>
    public bool KnowsCluster(string cluster)
    {
        foreach (var policy in DrPolicies)
        {
            if (policy.Names(cluster))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every cluster some DRPolicy names, sorted.</summary>
    public IReadOnlyList<string> KnownClusters() =>
        DrPolicies.SelectMany(p => new[] { p.ClusterA, p.ClusterB }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The override of <paramref name="app"/>'s PVC selector, if the settings have one.</summary>
    public DualAppOverride? OverrideOf(string app)
    {
        foreach (var entry in Apps)
        {
            if (entry.App == app)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The PVC selector of <paramref name="app"/>: its override, else <see cref="PvcLabel"/> = the app's name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PvcMatchLabelsOf(string app) =>
        OverrideOf(app)?.PvcMatchLabels ?? [new(PvcLabel, app)];

    /// <summary>Every problem with these settings, each naming the setting; empty when valid (see <see cref="DualSettingsRules"/>).</summary>
    public IReadOnlyList<string> Problems() => DualSettingsRules.Problems(this);
}
