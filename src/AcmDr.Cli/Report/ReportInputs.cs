using System.CommandLine;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Output;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report;

/// <summary>Turns the command line into a scope and reads the dumps, the hub and the managed cluster it names.</summary>
internal static class ReportInputs
{
    public static ReportScope Scope(ReportOptions options, ParseResult parse, CliIo io)
    {
        var settings = options.Inventory.LoadSettings(parse, io);
        var hubNamespace = parse.GetValue(options.Namespace) ?? settings.HubNamespace;
        IReadOnlyList<Workload>? workloads = null;
        if (options.InventoryGiven(parse))
        {
            var plan = options.Inventory.LoadPlan(parse, io);
            workloads = plan.Policies
                .SelectMany(p => p.Vms.Select(vm => new Workload(p.App, p.Tier, vm.Namespace, vm.Name, p.Cluster, p.RtoMinutes)))
                .ToList();
        }

        return new ReportScope(settings, hubNamespace, workloads, parse.GetValue(options.To), parse.GetValue(options.FlipAt),
            parse.GetValue(options.Apps) ?? [], parse.GetValue(options.Tiers) ?? []);
    }

    public static async Task<ReportData> LoadAsync(ReportOptions options, ParseResult parse, CliIo io, PhaseTimings timings, CancellationToken cancel)
    {
        var scope = Scope(options, parse, io);
        var parts = new List<HubSnapshot>();
        var sources = new List<string>();
        foreach (var file in parse.GetValue(options.Files) ?? [])
        {
            var full = io.Resolve(file);
            parts.Add(timings.Time("read", () => DumpFiles.Read(full, io.Show(full), scope.HubNamespace)));
            sources.Add("file " + io.Show(full));
        }

        if (options.LiveHub(parse))
        {
            var hub = ClusterConnection.Open(parse.GetValue(options.Kubeconfig), parse.GetValue(options.Context));
            parts.Add(await LiveHub.ReadAsync(hub, scope.HubNamespace, cancel));
            sources.Add($"hub {hub.Server}");
        }

        var snapshot = HubSnapshot.Merge(parts);
        var truth = await GroundTruthAsync(options, parse, scope, snapshot, cancel);
        if (truth.Count > 0)
        {
            sources.Add("managed cluster " + truth[0].Cluster);
        }

        return timings.Time("assemble", () => ReportAssembler.Assemble(scope, snapshot, truth, sources, io.Clock.GetUtcNow()));
    }

    public static async Task<IReadOnlyList<VmGroundTruth>> GroundTruthAsync(
        ReportOptions options, ParseResult parse, ReportScope scope, HubSnapshot snapshot, CancellationToken cancel)
    {
        var kubeconfig = parse.GetValue(options.ManagedKubeconfig);
        if (kubeconfig is null)
        {
            return [];
        }

        var connection = ClusterConnection.Open(kubeconfig, parse.GetValue(options.ManagedContext), "managed cluster");
        var workloads = scope.InventoryWorkloads ?? PolicyObservations.Workloads(snapshot, scope.HubNamespace).Workloads;
        var clusters = workloads.Select(w => w.Cluster).Distinct(StringComparer.Ordinal).ToList();
        var name = parse.GetValue(options.ManagedCluster) ?? (clusters.Count == 1 ? clusters[0] : connection.Context);
        return await ManagedClusterTruth.ReadAsync(connection, name, scope.Settings.SiteLabel, workloads.Where(scope.Includes), cancel);
    }
}
