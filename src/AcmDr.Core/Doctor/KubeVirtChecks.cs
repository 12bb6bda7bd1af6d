using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Text;

namespace AcmDr.Core.Doctor;

/// <summary>
/// Whether KubeVirt will move the VMs when a flip asks it to: updates of KubeVirt itself migrate
/// running VMs, its migration limits let the largest tier move at once, and live migration exists.
/// </summary>
public static class KubeVirtChecks
{
    /// <summary>KubeVirt's own defaults when the CR sets no limit.</summary>
    public const long DefaultParallelMigrationsPerCluster = 5;

    public const long DefaultParallelOutboundMigrationsPerNode = 2;

    private const string LiveMigrate = "LiveMigrate";
    private const string LiveMigrationGate = "LiveMigration";

    /// <param name="subject">The cluster, as the lines name it.</param>
    /// <param name="kubeVirts">Every KubeVirt CR of the cluster (one is usual).</param>
    /// <param name="largest">The tier with the most VMs on the cluster; null when it has none.</param>
    /// <param name="fewestReadyNodes">The fewest Ready nodes any site has (sites with none left out); null when none has any.</param>
    public static IReadOnlyList<Finding> Check(string subject, IReadOnlyList<KubeVirtReading> kubeVirts, TierLoad? largest, int? fewestReadyNodes)
    {
        ArgumentNullException.ThrowIfNull(kubeVirts);
        if (kubeVirts.OrderBy(k => k.Namespace, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault() is not { } kv)
        {
            return [Finding.Fail($"{subject}: no KubeVirt found (kubevirt.io/v1 kubevirts in any namespace)",
                "install OpenShift Virtualization (its HyperConverged creates the KubeVirt), or check the context")];
        }

        var name = $"{subject}: KubeVirt {kv.Namespace}/{kv.Name}";
        return [UpdateMethods(name, kv), PerCluster(name, kv, largest), PerNode(name, kv, largest, fewestReadyNodes), LiveMigration(name, kv)];
    }

    /// <summary>Whether a KubeVirt of <paramref name="version"/> (v0.56.0, 1.4.1) always live-migrates; null when the version cannot be read.</summary>
    public static bool? LiveMigrationIsGa(string? version)
    {
        var parts = (version ?? string.Empty).TrimStart('v', 'V').Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(new string([.. parts[1].TakeWhile(char.IsAsciiDigit)]), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }

        // The LiveMigration feature gate was deprecated as GA in v0.56.0.
        return major > 0 || minor >= 56;
    }

    private static Finding UpdateMethods(string name, KubeVirtReading kv)
    {
        var methods = kv.WorkloadUpdateMethods.Count == 0 ? "not set" : $"[{StatusText.Clean(string.Join(", ", kv.WorkloadUpdateMethods))}]";
        if (kv.WorkloadUpdateMethods.Contains(LiveMigrate, StringComparer.Ordinal))
        {
            return Finding.Ok($"{name}: workloadUpdateMethods {methods} include {LiveMigrate}");
        }

        var wanted = string.Join(",", new[] { LiveMigrate }.Concat(kv.WorkloadUpdateMethods).Select(m => $"\"{StatusText.Clean(m)}\""));
        return Finding.Warn($"{name}: workloadUpdateMethods {methods} lack {LiveMigrate}: a KubeVirt update does not migrate running VMs",
            Patch(kv, $"{{\"spec\":{{\"workloadUpdateStrategy\":{{\"workloadUpdateMethods\":[{wanted}]}}}}}}",
                $"{{\"spec\":{{\"workloadUpdateStrategy\":{{\"workloadUpdateMethods\":[{wanted}]}}}}}}"));
    }

    private static Finding PerCluster(string name, KubeVirtReading kv, TierLoad? largest)
    {
        var value = kv.ParallelMigrationsPerCluster ?? DefaultParallelMigrationsPerCluster;
        var shown = $"parallelMigrationsPerCluster {value}{(kv.ParallelMigrationsPerCluster is null ? " (default)" : string.Empty)}";
        if (largest is not { Vms: > 0 } tier)
        {
            return Finding.Ok($"{name}: {shown}");
        }

        return value >= tier.Vms
            ? Finding.Ok($"{name}: {shown} covers tier {tier.Tier}'s {Counted.Of(tier.Vms, "VM")}")
            : Finding.Warn($"{name}: {shown} is below tier {tier.Tier}'s {Counted.Of(tier.Vms, "VM")}: they migrate in {Waves(tier.Vms, value)} waves",
                Patch(kv, Number("liveMigrationConfig", "parallelMigrationsPerCluster", tier.Vms), Migrations("parallelMigrationsPerCluster", tier.Vms)));
    }

    private static Finding PerNode(string name, KubeVirtReading kv, TierLoad? largest, int? fewestReadyNodes)
    {
        var value = kv.ParallelOutboundMigrationsPerNode ?? DefaultParallelOutboundMigrationsPerNode;
        var shown = $"parallelOutboundMigrationsPerNode {value}{(kv.ParallelOutboundMigrationsPerNode is null ? " (default)" : string.Empty)}";
        if (largest is not { Vms: > 0 } tier || fewestReadyNodes is not { } nodes)
        {
            return Finding.Ok($"{name}: {shown}");
        }

        // A tier leaves one site for another; at the site with the fewest Ready nodes, each node holds the most of it.
        var need = Waves(tier.Vms, nodes);
        var spread = $"tier {tier.Tier}'s {Counted.Of(tier.Vms, "VM")} on {Counted.Of(nodes, "Ready node")}";
        return value >= need
            ? Finding.Ok($"{name}: {shown} covers {spread} ({need} per node)")
            : Finding.Warn($"{name}: {shown} is below the {need} per node of {spread}: they leave each node in waves",
                Patch(kv, Number("liveMigrationConfig", "parallelOutboundMigrationsPerNode", need), Migrations("parallelOutboundMigrationsPerNode", need)));
    }

    private static Finding LiveMigration(string name, KubeVirtReading kv)
    {
        if (kv.FeatureGates.Contains(LiveMigrationGate, StringComparer.Ordinal))
        {
            return Finding.Ok($"{name}: feature gate {LiveMigrationGate} on");
        }

        var version = kv.Version is null ? null : StatusText.Clean(kv.Version);
        return LiveMigrationIsGa(kv.Version) switch
        {
            true => Finding.Ok($"{name}: {version} live-migrates ({LiveMigrationGate} is GA since v0.56)"),
            false => Finding.Warn($"{name}: {version} has no {LiveMigrationGate} feature gate: acmdr relocate restarts VMs instead of migrating them",
                kv.HyperConverged is null
                    ? $"oc patch kubevirt {kv.Name} -n {kv.Namespace} --type merge -p '{{\"spec\":{{\"configuration\":{{\"developerConfiguration\":{{\"featureGates\":[{string.Join(",", kv.FeatureGates.Append(LiveMigrationGate).Select(g => $"\"{StatusText.Clean(g)}\""))}]}}}}}}}}', or upgrade KubeVirt to v0.56 or later"
                    : "upgrade OpenShift Virtualization (KubeVirt v0.56 or later always live-migrates)"),
            null => Finding.Warn($"{name}: reports no version and no {LiveMigrationGate} feature gate: whether VMs can live-migrate is unknown",
                $"oc get kubevirt {kv.Name} -n {kv.Namespace} -o jsonpath='{{.status.observedKubeVirtVersion}}' should say v0.56 or later"),
        };
    }

    private static long Waves(long vms, long atOnce) => (vms + atOnce - 1) / atOnce;

    /// <summary>The patch that changes the setting where it is kept: the HyperConverged when one owns the CR (it would undo a change of the CR).</summary>
    private static string Patch(KubeVirtReading kv, string hyperConverged, string kubeVirt) => kv.HyperConverged is { } owner
        ? $"oc patch hyperconverged {owner} -n {kv.Namespace} --type merge -p '{hyperConverged}'"
        : $"oc patch kubevirt {kv.Name} -n {kv.Namespace} --type merge -p '{kubeVirt}'";

    private static string Number(string block, string field, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"spec\":{{\"{block}\":{{\"{field}\":{value}}}}}}}");

    private static string Migrations(string field, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"spec\":{{\"configuration\":{{\"migrations\":{{\"{field}\":{value}}}}}}}}}");
}
