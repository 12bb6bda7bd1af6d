using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Doctor;

/// <summary>
/// A KubeVirt CR as read: the fields doctor judges, unset ones null or empty. <see cref="HyperConverged"/>
/// names the HyperConverged that owns it (OpenShift Virtualization), whose settings then win over the CR's.
/// </summary>
public sealed record KubeVirtReading(
    string Namespace,
    string Name,
    IReadOnlyList<string> WorkloadUpdateMethods,
    long? ParallelMigrationsPerCluster,
    long? ParallelOutboundMigrationsPerNode,
    IReadOnlyList<string> FeatureGates,
    string? Version,
    string? HyperConverged);

/// <summary>What <c>acmdr doctor</c> read on one managed cluster (<see cref="Cluster"/>: its inventory name).</summary>
/// <param name="FoundVms">Which of the inventory's VMs on this cluster exist there.</param>
public sealed record ClusterReading(
    string Cluster,
    IReadOnlyList<NodeState> Nodes,
    IReadOnlyList<KubeVirtReading> KubeVirts,
    IReadOnlySet<VmRef> FoundVms);
