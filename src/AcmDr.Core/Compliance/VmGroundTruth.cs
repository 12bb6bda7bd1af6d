namespace AcmDr.Core.Compliance;

/// <summary>
/// Where a VM's instance was seen running, read from the managed cluster itself
/// (VirtualMachineInstance phase and node, and that node's site label).
/// </summary>
public sealed record VmGroundTruth(string Namespace, string Vm, string Cluster, string? Phase, string? Node, string? NodeSite);
