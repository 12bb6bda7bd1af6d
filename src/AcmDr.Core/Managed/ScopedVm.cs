using AcmDr.Core.Planning;

namespace AcmDr.Core.Managed;

/// <summary>A VM of the inventory that a managed-cluster command acts on, with the app and tier it belongs to.</summary>
public sealed record ScopedVm(VmRef Vm, string App, int Tier);
