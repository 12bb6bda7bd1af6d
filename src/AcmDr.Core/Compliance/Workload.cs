namespace AcmDr.Core.Compliance;

/// <summary>One VM of the inventory as the compliance reader needs it; <paramref name="Dual"/> is set for a dual-cluster app's VM.</summary>
public sealed record Workload(string App, int Tier, string Namespace, string Vm, string Cluster, int? RtoMinutes, Dual.DualWorkload? Dual = null);
