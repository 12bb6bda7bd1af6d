using AcmDr.Core.Managed;

namespace AcmDr.Core.Compliance;

/// <summary>
/// Where a VM's instance was seen running, read from the managed cluster itself
/// (VirtualMachineInstance phase and node, and that node's site label).
/// </summary>
/// <param name="State">The VM as relocation reads it (its nodeSelector, RestartRequired, its instance's
/// migratability, own selector and last migration, a migration in flight): read only for a VM not at its
/// target, where it explains why; null otherwise.</param>
/// <param name="NodeState">The instance's node (its site and readiness), when the node is known.</param>
public sealed record VmGroundTruth(
    string Namespace, string Vm, string Cluster, string? Phase, string? Node, string? NodeSite,
    VmState? State = null, NodeState? NodeState = null)
{
    /// <summary>Moved: the instance is Running on a node of <paramref name="target"/>. The one rule the report and its reader share.</summary>
    public bool RunsAt(string target) =>
        string.Equals(Phase, "Running", StringComparison.Ordinal) && string.Equals(NodeSite, target, StringComparison.Ordinal);
}
