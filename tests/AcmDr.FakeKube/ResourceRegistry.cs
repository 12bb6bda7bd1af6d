namespace AcmDr.FakeKube;

/// <summary>The resource types the server serves; thread-safe, preloaded with the ones acmdr touches.</summary>
public sealed class ResourceRegistry
{
    private readonly Lock gate = new();
    private readonly List<ResourceType> types = [];

    public ResourceRegistry()
    {
        Register("", "v1", "Namespace", "namespaces", false, "ns");
        Register("", "v1", "ConfigMap", "configmaps", true, "cm");
        Register("", "v1", "Event", "events", true, "ev");
        Register("", "v1", "Node", "nodes", false, "no");
        Register("", "v1", "Secret", "secrets", true);
        Register("events.k8s.io", "v1", "Event", "events", true, "ev");
        Register("rbac.authorization.k8s.io", "v1", "Role", "roles", true);
        Register("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true);
        Register("policy.open-cluster-management.io", "v1", "Policy", "policies", true, "plc");
        Register("policy.open-cluster-management.io", "v1", "PlacementBinding", "placementbindings", true, "pb");
        Register("policy.open-cluster-management.io", "v1beta1", "PolicySet", "policysets", true, "plcset");
        Register("cluster.open-cluster-management.io", "v1beta1", "Placement", "placements", true);
        Register("cluster.open-cluster-management.io", "v1beta1", "PlacementDecision", "placementdecisions", true);
        Register("cluster.open-cluster-management.io", "v1beta2", "ManagedClusterSetBinding", "managedclustersetbindings", true);
        Register("cluster.open-cluster-management.io", "v1", "ManagedCluster", "managedclusters", false, "mcl");
        Register("kubevirt.io", "v1", "VirtualMachine", "virtualmachines", true, "vm", "vms");
        Register("kubevirt.io", "v1", "VirtualMachineInstance", "virtualmachineinstances", true, "vmi", "vmis");
        Register("kubevirt.io", "v1", "VirtualMachineInstanceMigration", "virtualmachineinstancemigrations", true, "vmim");
        Register("kubevirt.io", "v1", "KubeVirt", "kubevirts", true, "kv", "kvs");
    }

    /// <summary>Adds (or replaces) a resource type; the group "" is the core group.</summary>
    public ResourceType Register(string group, string version, string kind, string plural, bool namespaced, params string[] shortNames)
    {
        var type = new ResourceType(group, version, kind, plural, namespaced, shortNames);
        lock (gate)
        {
            types.RemoveAll(t => t.Group == group && t.Version == version && t.Plural == plural);
            types.Add(type);
        }

        return type;
    }

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (gate)
        {
            return types.Find(t => t.Group == group && t.Version == version && t.Plural == plural);
        }
    }

    public ResourceType? FindByKind(string apiVersion, string kind)
    {
        lock (gate)
        {
            return types.Find(t => t.ApiVersion == apiVersion && t.Kind == kind);
        }
    }

    public IReadOnlyList<ResourceType> All()
    {
        lock (gate)
        {
            return [.. types];
        }
    }
}
