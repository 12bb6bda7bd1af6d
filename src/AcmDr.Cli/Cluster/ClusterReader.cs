using System.Net;
using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using k8s.Autorest;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// The one reader of where VMs run on a managed cluster, for break glass, relocate and report's ground
/// truth: nodes with their site label and readiness, VMs with their nodeSelector site, instances, and
/// migrations in flight, read as one <see cref="ScopeSnapshot"/> of the scope's namespaces with LISTs
/// (paged by the port), so the requests grow with namespaces, not VMs.
/// <para>
/// Which LISTs: up to <see cref="PerNamespaceUpTo"/> namespaces, one LIST per namespace and kind (only
/// the scope's namespaces are read, and namespace-wide RBAC is enough); more, one cluster-wide LIST per
/// kind (a handful of requests however many namespaces; objects of other namespaces cost bytes, not
/// round trips). A cluster-wide LIST refused (403: RBAC) falls back to one LIST per namespace, and this
/// reader does not ask cluster-wide for that kind again. A namespace whose LIST is refused is left out of
/// the snapshot (<see cref="ScopeSnapshot.Refused"/>) and its VMs are read one by one, as before LISTs.
/// </para>
/// Reads retry as the port does; errors other than a refusal reach the caller as the client threw them.
/// </summary>
public sealed partial class ClusterReader(IManagedCluster cluster, string siteLabel)
{
    /// <summary>Up to this many namespaces are listed one by one; more are listed cluster-wide.</summary>
    public const int PerNamespaceUpTo = 3;

    private const string VirtualMachines = "virtualmachines";
    private const string Instances = "virtualmachineinstances";
    private const string Migrations = "virtualmachineinstancemigrations";

    /// <summary>Kinds whose cluster-wide LIST was refused: relocation reads every round and need not be refused each time.</summary>
    private readonly HashSet<string> clusterWideRefused = new(StringComparer.Ordinal);

    /// <summary>Guards <see cref="clusterWideRefused"/>: a snapshot lists several kinds at once.</summary>
    private readonly Lock refusals = new();

    /// <summary>
    /// One reading of <paramref name="parts"/> in <paramref name="namespaces"/>. The nodes first (one small
    /// request: a cluster that is gone fails there, its retries noted once); then two chains side by side,
    /// since each LIST is a round trip per page and a cluster at another site charges each one: the VMs;
    /// and migrations, then instances: KubeVirt updates the instance before it marks its migration
    /// Succeeded, so an instance read after a Succeeded migration shows where it landed. A namespace
    /// any of whose LISTs was refused is refused for the whole reading.
    /// </summary>
    public async Task<ScopeSnapshot> SnapshotAsync(IEnumerable<string> namespaces, SnapshotParts parts, CancellationToken cancel)
    {
        var scope = namespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var token = failed.Token;
        var vmsRefused = new HashSet<string>(StringComparer.Ordinal);
        var movesRefused = new HashSet<string>(StringComparer.Ordinal);
        var nodes = parts.HasFlag(SnapshotParts.Nodes)
            ? await NodesAsync(token)
            : new Dictionary<string, NodeState>(StringComparer.Ordinal);
        var vms = parts.HasFlag(SnapshotParts.Vms) ? ListAsync(VirtualMachines, cluster.ListVmsAsync, scope, vmsRefused, token) : Task.FromResult<IReadOnlyList<JsonObject>>([]);
        var moves = MovesAsync(parts, scope, movesRefused, token);
        try
        {
            await Task.WhenAll(vms, moves);
        }
        catch
        {
            // The first failure ends the reading: the other chains stop sending instead of running on unobserved.
            await failed.CancelAsync();
            throw;
        }

        var (migrations, instances) = await moves;
        return new ScopeSnapshot(nodes, await vms, instances, migrations, vmsRefused.Union(movesRefused, StringComparer.Ordinal));
    }

    private async Task<(IReadOnlyList<JsonObject> Migrations, IReadOnlyList<JsonObject> Instances)> MovesAsync(
        SnapshotParts parts, List<string> scope, HashSet<string> refused, CancellationToken cancel)
    {
        var migrations = parts.HasFlag(SnapshotParts.Migrations) ? await ListAsync(Migrations, cluster.ListMigrationsAsync, scope, refused, cancel) : [];
        var instances = parts.HasFlag(SnapshotParts.Instances) ? await ListAsync(Instances, cluster.ListInstancesAsync, scope, refused, cancel) : [];
        return (migrations, instances);
    }

    public async Task<IReadOnlyDictionary<string, NodeState>> NodesAsync(CancellationToken cancel)
    {
        var nodes = await cluster.ListNodesAsync(cancel);
        return nodes.ToDictionary(
            n => n.Metadata.Name,
            n => new NodeState(
                n.Metadata.Name,
                n.Metadata.Labels?.TryGetValue(siteLabel, out var site) == true ? site : null,
                n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true),
            StringComparer.Ordinal);
    }

    /// <summary>Whether the VM exists, and the site its nodeSelector names (null when none): from the snapshot, or one GET in a refused namespace.</summary>
    public async Task<(bool Exists, string? Site)> SelectorSiteAsync(ScopeSnapshot snapshot, VmRef vm, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(vm);
        var found = snapshot.Listed(vm.Namespace) ? snapshot.Vm(vm) : await cluster.GetVmAsync(vm, cancel);
        return found is null ? (false, null) : (true, NodeSelectorPatch.SiteOf(found, siteLabel));
    }

    /// <summary>The VM as relocation decides on it: from the snapshot, or read on its own in a refused namespace.</summary>
    public async Task<VmState> VmStateAsync(ScopeSnapshot snapshot, VmRef vm, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(vm);
        if (snapshot.Listed(vm.Namespace))
        {
            return State(snapshot.Vm(vm), snapshot.Instance(vm), snapshot, vm);
        }

        if (await cluster.GetVmAsync(vm, cancel) is not { } found)
        {
            return VmState.Missing;
        }

        var instance = await cluster.GetInstanceAsync(vm, cancel);
        // A reading of this one VM, so the migration in flight is found by the snapshot's one rule.
        var alone = new ScopeSnapshot(snapshot.Nodes, [found], instance is null ? [] : [instance], await cluster.ListMigrationsAsync(vm.Namespace, cancel), []);
        return State(found, instance, alone, vm);
    }

    /// <summary>One migration, or null when there is none: from the snapshot, or one GET in a refused namespace.</summary>
    public async Task<JsonObject?> MigrationAsync(ScopeSnapshot snapshot, string ns, string name, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Listed(ns) ? snapshot.Migration(ns, name) : await cluster.GetMigrationAsync(ns, name, cancel);
    }

    /// <summary>A refusal of one LIST (forbidden, not found): a namespace or cluster-wide matter, unlike a lost connection or lost credentials.</summary>
    public static bool IsRefusal(Exception ex) =>
        ex is HttpOperationException op && op.Response.StatusCode is not HttpStatusCode.Unauthorized && !KubeErrors.IsTransient(ex);

    private async Task<IReadOnlyList<JsonObject>> ListAsync(
        string kind, Func<string?, CancellationToken, Task<IReadOnlyList<JsonObject>>> list, List<string> namespaces, HashSet<string> refused, CancellationToken cancel)
    {
        if (ListsClusterWide(namespaces.Count, kind))
        {
            try
            {
                return await list(null, cancel);
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                lock (refusals)
                {
                    clusterWideRefused.Add(kind);
                }
            }
        }

        var all = new List<JsonObject>();
        foreach (var ns in namespaces.Where(n => !refused.Contains(n)))
        {
            try
            {
                all.AddRange(await list(ns, cancel));
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                refused.Add(ns);
            }
        }

        return all;
    }

    /// <summary>Whether <paramref name="namespaces"/> namespaces of each of <paramref name="kinds"/> are read with one cluster-wide LIST.</summary>
    private bool ListsClusterWide(int namespaces, params string[] kinds)
    {
        lock (refusals)
        {
            return namespaces > PerNamespaceUpTo && !kinds.Any(clusterWideRefused.Contains);
        }
    }

    private VmState State(JsonObject? vm, JsonObject? instance, ScopeSnapshot snapshot, VmRef vmRef) => vm is null
        ? VmState.Missing
        : new VmState(
            true,
            NodeSelectorPatch.SiteOf(vm, siteLabel),
            KubeJson.Text(vm["status"]?["printableStatus"]),
            RunStrategy(vm),
            KubeJson.ConditionIsTrue(vm, "RestartRequired"),
            instance is null ? null : Instance(instance, snapshot),
            snapshot.MigrationInFlight(vmRef));

    /// <summary>The instance, with why its last migration failed from the migration object when the snapshot holds it.</summary>
    private InstanceState Instance(JsonObject instance, ScopeSnapshot snapshot)
    {
        var last = instance["status"]?["migrationState"];
        var failed = last?["failed"] is JsonValue value && value.TryGetValue<bool>(out var yes) && yes;
        var migration = failed && KubeJson.Text(last?["migrationUid"]) is { } uid
            ? snapshot.MigrationByUid(KubeJson.Text(instance["metadata"]?["namespace"]) ?? "", uid)
            : null;
        return new(
            KubeJson.Text(instance["metadata"]?["uid"]) ?? "",
            KubeJson.Text(instance["status"]?["phase"]),
            KubeJson.Text(instance["status"]?["nodeName"]) ?? KubeJson.Text(instance["metadata"]?["labels"]?["kubevirt.io/nodeName"]),
            KubeJson.ConditionIsTrue(instance, "LiveMigratable"),
            instance["metadata"]?["deletionTimestamp"] is not null,
            KubeJson.Text(instance["spec"]?["nodeSelector"]?[siteLabel]),
            failed,
            !failed ? null : migration is not null ? MigrationStatus.FailureReason(migration) : KubeJson.Text(last?["failureReason"]));
    }

    // VMs written before runStrategy existed say spec.running instead: true behaves as Always.
    private static string? RunStrategy(JsonObject vm) =>
        KubeJson.Text(vm["spec"]?["runStrategy"])
        ?? (vm["spec"]?["running"] is JsonValue running && running.TryGetValue<bool>(out var on) ? (on ? "Always" : "Halted") : null);
}
