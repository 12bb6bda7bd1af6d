using System.Text.Json.Nodes;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// The scope's namespaces as one reading by <see cref="ClusterReader.SnapshotAsync"/>: the VMs, instances
/// and migrations of each listed namespace, and the nodes. A namespace whose LIST was refused (say 403)
/// is in <see cref="Refused"/>: it is not listed, and its VMs are read one by one by whoever asks.
/// </summary>
public sealed class ScopeSnapshot
{
    private readonly Dictionary<(string Ns, string Name), JsonObject> vms = [];
    private readonly Dictionary<(string Ns, string Name), JsonObject> instances = [];
    private readonly Dictionary<(string Ns, string Name), JsonObject> migrations = [];
    private readonly Dictionary<(string Ns, string VmiName), string> inFlight = [];
    private readonly Dictionary<(string Ns, string Uid), JsonObject> migrationsByUid = [];
    private readonly HashSet<string> refused;

    internal ScopeSnapshot(
        IReadOnlyDictionary<string, NodeState> nodes, IEnumerable<JsonObject> vms, IEnumerable<JsonObject> instances,
        IEnumerable<JsonObject> migrations, IEnumerable<string> refused)
    {
        Nodes = nodes;
        this.refused = new HashSet<string>(refused, StringComparer.Ordinal);
        Index(this.vms, vms);
        Index(this.instances, instances);
        Index(this.migrations, migrations);
        foreach (var migration in migrations)
        {
            migrationsByUid.TryAdd((Text(migration, "namespace"), Text(migration, "uid")), migration);
        }

        foreach (var migration in migrations.Where(m => !MigrationStatus.IsFinished(m)))
        {
            // The first in the list's order, as a read of one VM's migrations took it.
            inFlight.TryAdd((Text(migration, "namespace"), KubeJson.Text(migration["spec"]?["vmiName"]) ?? ""), Text(migration, "name"));
        }
    }

    /// <summary>The nodes by name (empty when not read).</summary>
    public IReadOnlyDictionary<string, NodeState> Nodes { get; }

    /// <summary>Namespaces of the scope whose LIST was refused: not in this reading.</summary>
    public IReadOnlySet<string> Refused => refused;

    public bool Listed(string ns) => !refused.Contains(ns);

    public JsonObject? Vm(VmRef vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vms.GetValueOrDefault((vm.Namespace, vm.Name));
    }

    public JsonObject? Instance(VmRef vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return instances.GetValueOrDefault((vm.Namespace, vm.Name));
    }

    public JsonObject? Migration(string ns, string name) => migrations.GetValueOrDefault((ns, name));

    /// <summary>The name of a migration of the VM's instance that has not finished, or null.</summary>
    public string? MigrationInFlight(VmRef vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return inFlight.GetValueOrDefault((vm.Namespace, vm.Name));
    }

    /// <summary>The migration whose uid is <paramref name="uid"/> (an instance's <c>status.migrationState.migrationUid</c>), or null.</summary>
    public JsonObject? MigrationByUid(string ns, string uid) => migrationsByUid.GetValueOrDefault((ns, uid));

    /// <summary>
    /// This reading and a later one of other kinds (or namespaces) as one: this one's nodes unless it read
    /// none, each kind from whichever read it, and a namespace refused by either refused.
    /// </summary>
    internal ScopeSnapshot With(ScopeSnapshot more) => new(
        Nodes.Count > 0 ? Nodes : more.Nodes,
        vms.Values.Concat(more.vms.Values),
        instances.Values.Concat(more.instances.Values),
        migrations.Values.Concat(more.migrations.Values),
        refused.Union(more.refused, StringComparer.Ordinal));

    private static void Index(Dictionary<(string, string), JsonObject> index, IEnumerable<JsonObject> objects)
    {
        foreach (var obj in objects)
        {
            index[(Text(obj, "namespace"), Text(obj, "name"))] = obj;
        }
    }

    private static string Text(JsonObject obj, string field) => KubeJson.Text(obj["metadata"]?[field]) ?? "";
}
