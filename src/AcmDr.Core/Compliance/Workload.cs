namespace AcmDr.Core.Compliance;

/// <summary>One VM of the inventory as the compliance reader needs it.</summary>
public sealed record Workload(string App, int Tier, string Namespace, string Vm, string Cluster, int? RtoMinutes);
