using System.Text.Json.Nodes;

namespace AcmDr.Core.Isolated;

/// <summary>The objects an isolated rehearsal creates, built from typed values, never from text.</summary>
public static class IsolatedObjects
{
    /// <summary>A bubble in creation order: the Namespace (labels set at creation), the primary UserDefinedNetwork, the default-deny NetworkPolicy, one secondary UserDefinedNetwork per mapped network, the ResourceQuota.</summary>
    public static IReadOnlyList<JsonObject> Bubble(BubblePlan bubble, IsolatedOptions options) => throw new NotImplementedException();

    /// <summary>The online VirtualMachineSnapshot of a production VM (the only object written in production).</summary>
    public static JsonObject Snapshot(VmCopyPlan vm, IsolatedOptions options) => throw new NotImplementedException();

    /// <summary>One DataVolume per volume backup of the snapshot's content (<c>source.snapshot</c> from production), named as the production claim.</summary>
    public static IReadOnlyList<JsonObject> DataVolumes(VmCopyPlan vm, JsonObject snapshotContent, IsolatedOptions options) => throw new NotImplementedException();

    /// <summary>The VM copy from the snapshotted spec: volumes, networks and nodeSelector rewritten, acmdr's labels stripped, identity kept unless <see cref="IsolatedOptions.NewIdentity"/>.</summary>
    public static JsonObject VirtualMachine(VmCopyPlan vm, JsonObject snapshotContent, IsolatedOptions options) => throw new NotImplementedException();
}
