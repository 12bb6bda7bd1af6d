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

    private static void Index(Dictionary<(string, string), JsonObject> index, IEnumerable<JsonObject> objects)
    {
        foreach (var obj in objects)
        {
            index[(Text(obj, "namespace"), Text(obj, "name"))] = obj;
        }
    }

    private static string Text(JsonObject obj, string field) => KubeJson.Text(obj["metadata"]?[field]) ?? "";
}
