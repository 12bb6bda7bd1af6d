namespace AcmDr.Core.Doctor;

/// <summary>The tier with the most VMs on a cluster: what has to migrate at once when it moves.</summary>
public sealed record TierLoad(int Tier, int Vms);
