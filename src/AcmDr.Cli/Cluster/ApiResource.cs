namespace AcmDr.Cli.Cluster;

/// <summary>A resource type by its group ("" is core), version and plural, as its URL names it.</summary>
public sealed record ApiResource(string Group, string Version, string Plural, bool Namespaced = true)
{
    public static readonly ApiResource Namespaces = new("", "v1", "namespaces", false);
    public static readonly ApiResource Nodes = new("", "v1", "nodes", false);
    public static readonly ApiResource Pods = new("", "v1", "pods");
    public static readonly ApiResource Claims = new("", "v1", "persistentvolumeclaims");
    public static readonly ApiResource Volumes = new("", "v1", "persistentvolumes", false);
    public static readonly ApiResource Quotas = new("", "v1", "resourcequotas");
    public static readonly ApiResource LimitRanges = new("", "v1", "limitranges");
    public static readonly ApiResource StorageClasses = new("storage.k8s.io", "v1", "storageclasses", false);
    public static readonly ApiResource SnapshotClasses = new("snapshot.storage.k8s.io", "v1", "volumesnapshotclasses", false);
    public static readonly ApiResource VolumeSnapshots = new("snapshot.storage.k8s.io", "v1", "volumesnapshots");
    public static readonly ApiResource StorageProfiles = new("cdi.kubevirt.io", "v1beta1", "storageprofiles", false);
    public static readonly ApiResource DataVolumes = new("cdi.kubevirt.io", "v1beta1", "datavolumes");
    public static readonly ApiResource NetworkPolicies = new("networking.k8s.io", "v1", "networkpolicies");
    public static readonly ApiResource NetworkAttachments = new("k8s.cni.cncf.io", "v1", "network-attachment-definitions");
    public static readonly ApiResource UserDefinedNetworks = new("k8s.ovn.org", "v1", "userdefinednetworks");
    public static readonly ApiResource VirtualMachines = new("kubevirt.io", "v1", "virtualmachines");
    public static readonly ApiResource Instances = new("kubevirt.io", "v1", "virtualmachineinstances");
    public static readonly ApiResource KubeVirts = new("kubevirt.io", "v1", "kubevirts");
    public static readonly ApiResource VmSnapshots = new("snapshot.kubevirt.io", "v1beta1", "virtualmachinesnapshots");
    public static readonly ApiResource VmSnapshotContents = new("snapshot.kubevirt.io", "v1beta1", "virtualmachinesnapshotcontents");

    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
