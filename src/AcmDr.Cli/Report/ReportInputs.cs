using System.CommandLine;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Commands;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Output;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Live;
using AcmDr.Core.Reporting;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Report;

/// <summary>Turns the command line into a scope and reads the dumps, the hub and the managed cluster it names.</summary>
internal static class ReportInputs
{
    public static ReportScope Scope(ReportOptions options, ParseResult parse, CliIo io)
    {
        // A bad --request-timeout is refused before any file or cluster is read.
        _ = options.Hub.Read(parse);
        var settings = options.Inventory.LoadSettings(parse, io);
        var hubNamespace = parse.GetValue(options.Namespace) ?? settings.HubNamespace;
        IReadOnlyList<Workload>? workloads = null;
        string? inventory = null;
        // The default inventory counts whenever it is there: without it a policy missing from the hub would
        // silently shrink the total.
        var path = options.Inventory.InventoryPath(parse, io);
        if (options.InventoryGiven(parse) || File.Exists(path))
        {
            var plan = options.Inventory.LoadPlan(parse, io);
            workloads = WorkloadsOf(plan);
            inventory = io.Show(path);
        }

        return new ReportScope(settings, hubNamespace, workloads, parse.GetValue(options.To), parse.GetValue(options.FlipAt),
            parse.GetValue(options.Apps) ?? [], parse.GetValue(options.Tiers) ?? [], inventory);
    }

    /// <summary>The plan's VMs as the report reads them; a dual-cluster app's carry its DRPC, clusters and depends_on.</summary>
    public static IReadOnlyList<Workload> WorkloadsOf(DrPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var workloads = new List<Workload>(plan.VmCount);
        foreach (var app in plan.Apps)
        {
            var dual = app.Dual is { } d ? new DualWorkload(d.Name, d.Home, d.Peer, app.DependsOn) : null;
            foreach (var policy in app.Policies)
            {
                workloads.AddRange(policy.Vms.Select(vm => new Workload(policy.App, policy.Tier, vm.Namespace, vm.Name, policy.Cluster, policy.RtoMinutes, dual)));
            }
        }

        return workloads;
    }

    public static async Task<ReportData> LoadAsync(ReportOptions options, ParseResult parse, CliIo io, PhaseTimings timings, CancellationToken cancel)
    {
        var scope = Scope(options, parse, io);
        var managed = ManagedClusters(options, parse);
        var hubTarget = options.Hub.Read(parse);
        var retry = ReadRetry.For(io, hubTarget.Limit);
        var parts = new List<HubSnapshot>();
        var sources = new List<string>();
        foreach (var file in parse.GetValue(options.Files) ?? [])
        {
            var full = io.Resolve(file);
            parts.Add(timings.Time("read", () => DumpFiles.Read(full, io.Show(full), scope.HubNamespace, options.DumpLimit(parse))));
            sources.Add("file " + io.Show(full));
        }

        if (options.LiveHub(parse))
        {
            var hub = new KubeHubCluster(hubTarget.Connect(io.Environment), retry);
            parts.Add(await LiveHub.ReadAsync(hub, scope, cancel));
            sources.Add($"hub {hub.Server}");
        }

        return await AssembleAsync(managed, scope, HubSnapshot.Merge(parts), sources, io, retry, timings, cancel);
    }

    /// <summary>The report of <paramref name="snapshot"/>, checked against the <paramref name="managed"/> clusters (see <see cref="ManagedClusters"/>).</summary>
    public static async Task<ReportData> AssembleAsync(
        IReadOnlyList<(string? Cluster, ClusterConnection Connection)> managed, ReportScope scope, HubSnapshot snapshot, List<string> sources, CliIo io, TransientRetry retry, PhaseTimings timings, CancellationToken cancel)
    {
        var truth = await GroundTruthAsync(managed, scope, snapshot, retry, io.Clock.GetUtcNow(), cancel);
        foreach (var cluster in truth.Select(t => t.Cluster).Distinct(StringComparer.Ordinal))
        {
            sources.Add("managed cluster " + cluster);
        }

        return timings.Time("assemble", () => ReportData.Assemble(scope, snapshot, truth, sources, io.Clock.GetUtcNow()));
    }

    /// <summary>
    /// The managed clusters the command line names, connected (a missing kubeconfig or context fails
    /// here, before any waiting): each with the ACM cluster name given as CLUSTER=CONTEXT, or null
    /// when it comes from the context or the scope (see <see cref="GroundTruthAsync"/>).
    /// </summary>
    public static IReadOnlyList<(string? Cluster, ClusterConnection Connection)> ManagedClusters(ReportOptions options, ParseResult parse)
    {
        var kubeconfig = parse.GetValue(options.ManagedKubeconfig);
        var contexts = parse.GetValue(options.ManagedContext) ?? [];
        var namedCluster = parse.GetValue(options.ManagedCluster);
        var settings = options.Hub.Read(parse).Limit.Settings;
        if (kubeconfig is null)
        {
            return contexts.Length > 0 || namedCluster is not null
                ? throw new AcmDrException(ExitCodes.InvalidInput, "--managed-context and --managed-cluster need --managed-kubeconfig")
                : [];
        }

        if (namedCluster is not null && contexts.Length > 1)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, "--managed-cluster names the cluster of one context; with several, write each as --managed-context CLUSTER=CONTEXT");
        }

        // No context: the kubeconfig's current one.
        var targets = new List<string?>(contexts);
        if (targets.Count == 0)
        {
            targets.Add(null);
        }

        return targets.Select(target =>
        {
            var (cluster, context) = SplitClusterContext(target);
            return (cluster ?? namedCluster, ClusterConnection.OpenList(kubeconfig, context, "managed cluster", "--managed-kubeconfig", settings));
        }).ToList();
    }

    private static async Task<IReadOnlyList<VmGroundTruth>> GroundTruthAsync(
        IReadOnlyList<(string? Cluster, ClusterConnection Connection)> managed, ReportScope scope, HubSnapshot snapshot, TransientRetry retry, DateTimeOffset now, CancellationToken cancel)
    {
        if (managed.Count == 0)
        {
            return [];
        }

        var workloads = scope.InventoryWorkloads ?? PolicyObservations.Workloads(snapshot, scope.HubNamespace).Workloads;
        // The report from the hub alone: each VM's target (one not there is read further, to tell why) and
        // whether the hub says it moved (if not, why is read alongside where it runs, not after).
        var hubView = ReportAssembler.Assemble(scope, snapshot, FlipHistory.Read(snapshot.Switch?.FlipHistory).Entries, [], now).Summary.Vms;
        // A dual-cluster app's VMs are told by its DRPC: no managed cluster is read for them.
        var clusters = workloads.Where(w => w.Dual is null).Select(w => w.Cluster).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var truth = new List<VmGroundTruth>();
        foreach (var (name, connection) in Named(managed, clusters, scope.InventoryWorkloads is null ? "acmdr's policies" : "the inventory"))
        {
            truth.AddRange(await new ClusterReader(new KubeManagedCluster(connection, retry, name), scope.Settings.SiteLabel).GroundTruthAsync(name, hubView, cancel));
        }

        return truth;
    }

    /// <summary>
    /// The <paramref name="managed"/> clusters (see <see cref="ManagedClusters"/>) with the name of each,
    /// refusing (exit 2) one that names none of <paramref name="clusters"/> (those with VMs in
    /// <paramref name="clustersFrom"/>) or a cluster given twice.
    /// </summary>
    public static IReadOnlyList<(string Name, ClusterConnection Connection)> Named(
        IReadOnlyList<(string? Cluster, ClusterConnection Connection)> managed, IReadOnlyList<string> clusters, string clustersFrom)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        var named = new List<(string, ClusterConnection)>();
        foreach (var (cluster, connection) in managed)
        {
            // Unnamed: the only cluster in scope when one context is read, else the context's name.
            var name = cluster ?? (managed.Count == 1 && clusters.Count == 1 ? clusters[0] : connection.Context);
            if (!clusters.Contains(name))
            {
                throw new AcmDrException(ExitCodes.InvalidInput,
                    $"managed context '{connection.Context}' would be cluster '{name}', which has no VMs in {clustersFrom} (clusters: {string.Join(", ", clusters)}); write --managed-context CLUSTER={connection.Context}");
            }

            if (!read.TryAdd(name, connection.Context))
            {
                throw new AcmDrException(ExitCodes.InvalidInput, $"cluster '{name}' is given twice (contexts '{read[name]}' and '{connection.Context}')");
            }

            named.Add((name, connection));
        }

        return named;
    }

    /// <summary>"CLUSTER=CONTEXT" or "CONTEXT" (no cluster: named by the context, or the only one in scope).</summary>
    private static (string? Cluster, string? Context) SplitClusterContext(string? value)
    {
        var equals = value?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (equals < 0)
        {
            return (null, value);
        }

        var (cluster, context) = (value![..equals], value[(equals + 1)..]);
        return cluster.Length == 0 || context.Length == 0
            ? throw new AcmDrException(ExitCodes.InvalidInput, $"--managed-context '{value}': write CLUSTER=CONTEXT")
            : (cluster, context);
    }
}
