namespace AcmDr.Core.Planning;

/// <summary>Names of the generated resources, in one place so generator, flip and report agree.</summary>
public static class PolicyNames
{
    /// <summary>Replicated policies are named &lt;namespace&gt;.&lt;policy&gt; and that must be a label value.</summary>
    public const int MaxReplicatedName = 63;

    public const string SwitchConfigMap = "acmdr-sites";

    /// <summary>A ConfigMap that must never exist: reading it makes a hub template fail closed.</summary>
    public const string FailClosedConfigMap = "acmdr-sites-invalid-site";

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "acmdr";
    public const string AppLabel = "acmdr.io/app";
    public const string TierLabel = "acmdr.io/tier";
    public const string ClusterLabel = "acmdr.io/cluster";
    public const string VmsAnnotation = "acmdr.io/vms";
    public const string RtoAnnotation = "acmdr.io/rto-minutes";

    /// <summary>On each <c>-site</c> ConfigurationPolicy: its app's site, resolved on the hub in a replicated policy.</summary>
    public const string ResolvedSiteAnnotation = "acmdr.io/site";

    /// <summary>On each VM, set by its <c>-site</c> template: the switch's resourceVersion that site came from.</summary>
    public const string SwitchVersionAnnotation = "acmdr.io/switch-version";

    public static string Policy(string app, string cluster, bool appSpansClusters) =>
        appSpansClusters ? $"dr-{app}-{cluster}" : $"dr-{app}";

    public static string SiteTemplate(string policy) => $"{policy}-site";

    public static string RunningTemplate(string policy) => $"{policy}-running";

    public static string MoveTemplate(string policy) => $"{policy}-move";

    public static string TierSet(int tier) => $"dr-tier-{tier}";

    public static string TierSetOnCluster(int tier, string cluster) => $"dr-tier-{tier}-{cluster}";

    public static string Placement(string cluster) => $"acmdr-{cluster}";

    public static string TierOverrideKey(int tier) => $"tier-{tier}";

    /// <summary>A dual-cluster app's DRPlacementControl and its Placement (both in the dual namespace on the hub).</summary>
    public static string DualResource(string app) => $"dr-{app}";

    /// <summary>On each DRPlacementControl acmdr keeps: the cluster the switch sends the app to.</summary>
    public const string TargetClusterAnnotation = "acmdr.io/target-cluster";

    public static string DrpcTemplate(string policy) => $"{policy}-drpc";

    public static string RecoveredTemplate(string policy) => $"{policy}-recovered";

    public static string AppOverrideKey(string app) => $"app-{app}";
}
