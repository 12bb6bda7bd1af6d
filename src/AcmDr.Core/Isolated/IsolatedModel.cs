using System.Text.Json.Nodes;
using AcmDr.Core.Managed;

namespace AcmDr.Core.Isolated;

/// <summary>
/// The labels and names of an isolated test recovery. Every object a rehearsal creates carries
/// <see cref="Rehearsal"/> (its id), so cleanup finds it by label alone, also after an interrupted run.
/// The prefix is not <c>acmdr.io/</c> on purpose: copies carry none of acmdr's labels, so no policy of
/// the real switch selects them.
/// </summary>
public static class IsolatedLabels
{
    /// <summary>On every object the rehearsal creates (bubble namespaces, their contents, the production snapshots): the rehearsal id.</summary>
    public const string Rehearsal = "rehearsal.acmdr.io/id";

    /// <summary>On a bubble namespace and the copies in it: the production namespace it mirrors.</summary>
    public const string SourceNamespace = "rehearsal.acmdr.io/source-namespace";

    /// <summary>On the snapshot, the DataVolumes and the VM copy: the production VM's name.</summary>
    public const string SourceVm = "rehearsal.acmdr.io/source-vm";

    /// <summary>Every bubble namespace's name starts with this; cleanup deletes no namespace without it.</summary>
    public const string NamespacePrefix = "acmdr-test-";

    /// <summary>The OVN-Kubernetes label that gives a namespace a primary user-defined network; settable only at creation.</summary>
    public const string PrimaryUdn = "k8s.ovn.org/primary-user-defined-network";

    /// <summary>KubeMacPool leaves MACs of VMs in a namespace with this label (value "ignore") alone, so copies may keep production's MACs.</summary>
    public const string KubeMacPool = "mutatevirtualmachines.kubemacpool.io";
}

/// <summary>What the user asked of one isolated rehearsal.</summary>
/// <param name="Id">The rehearsal id (see <see cref="IsolatedIds"/>).</param>
/// <param name="Cluster">The inventory cluster the kubeconfig points at.</param>
/// <param name="DrSite">Where the copies run: the value of <paramref name="SiteLabel"/> on the nodes they must land on.</param>
/// <param name="NewIdentity">Blank MACs, SMBIOS serial and firmware UUID of the copies (as VirtualMachineClone does); false keeps them.</param>
/// <param name="PrimarySubnet">The CIDR of each bubble's isolated primary network.</param>
public sealed record IsolatedOptions(string Id, string Cluster, string DrSite, string SiteLabel, bool NewIdentity, string PrimarySubnet = IsolatedOptions.DefaultPrimarySubnet)
{
    public const string DefaultPrimarySubnet = "10.200.0.0/16";
}

/// <summary>A production VM in scope, as read from its cluster (null <paramref name="Definition"/>: not there).</summary>
public sealed record CopySource(ScopedVm Vm, int? RtoMinutes, JsonObject? Definition);

/// <summary>A production PersistentVolumeClaim a VM in scope uses.</summary>
/// <param name="Size">spec.resources.requests.storage as written (e.g. "30Gi").</param>
public sealed record ClaimFacts(string Namespace, string Name, string? StorageClass, string? Size, IReadOnlyList<string> AccessModes, string? VolumeMode);

/// <summary>A VolumeSnapshotClass: its name and CSI driver.</summary>
public sealed record SnapshotClassFacts(string Name, string Driver);

/// <summary>The storage side: provisioner per StorageClass, the snapshot classes, and CDI's clone strategy per StorageClass (from StorageProfiles' status.cloneStrategy).</summary>
public sealed record StorageFacts(
    IReadOnlyDictionary<string, string> Provisioners,
    IReadOnlyList<SnapshotClassFacts> SnapshotClasses,
    IReadOnlyDictionary<string, string> CloneStrategies);

/// <summary>A right the rehearsal needs, asked with one SelfSubjectAccessReview (null namespace: all namespaces; group "" is core).</summary>
public sealed record AccessNeed(string? Namespace, string Verb, string Group, string Resource, string? Subresource = null)
{
    public override string ToString() =>
        $"{Verb} {Resource}{(Subresource is null ? "" : "/" + Subresource)}{(Group.Length == 0 ? "" : "." + Group)} {(Namespace is null ? "in any namespace" : "in " + Namespace)}";
}

/// <summary>The answer to one <see cref="AccessNeed"/>.</summary>
public sealed record AccessResult(AccessNeed Need, bool Allowed);

/// <summary>A node as capacity reads it; quantities already parsed (millicores, bytes).</summary>
public sealed record NodeFacts(string Name, IReadOnlyDictionary<string, string> Labels, bool Ready, bool Unschedulable, long AllocatableMilliCpu, long AllocatableMemory);

/// <summary>The requests of one non-terminated pod bound to a node.</summary>
public sealed record PodRequest(string NodeName, long MilliCpu, long Memory);

/// <summary>KubeVirt as its CR declares it: present, phase, feature gates and registered network binding plugins.</summary>
public sealed record KubeVirtFacts(bool Present, string? Phase, IReadOnlyList<string> FeatureGates, IReadOnlyList<string> NetworkBindings);

/// <summary>Everything the preflight decides on, read from the managed cluster before anything is created.</summary>
/// <param name="NetworkAttachments">Every NetworkAttachmentDefinition that exists, as "namespace/name".</param>
/// <param name="ExistingBubbles">Namespaces already labelled with this rehearsal's id (an id in use).</param>
public sealed record PreflightFacts(
    IReadOnlyList<CopySource> Vms,
    IReadOnlyList<ClaimFacts> Claims,
    StorageFacts Storage,
    IReadOnlyList<AccessResult> Access,
    IReadOnlySet<string> NetworkAttachments,
    IReadOnlyList<NodeFacts> Nodes,
    IReadOnlyList<PodRequest> Pods,
    KubeVirtFacts KubeVirt,
    IReadOnlyList<string> ExistingBubbles);

/// <summary>One reason the preflight refuses: the exit code (2 bad input, 4 not ready) and one line naming the object.</summary>
public sealed record PreflightFinding(int ExitCode, string Line);

/// <summary>A bubble: the namespace that mirrors one production namespace, its isolated secondary networks and quota.</summary>
/// <param name="SecondaryNetworks">Names of the isolated networks to create in it (same names as production's NetworkAttachmentDefinitions).</param>
/// <param name="QuotaMilliCpu">The quota's requests.cpu: the copies' CPU plus launcher headroom; 0 when a copy's size is unknown (a cluster instancetype): not limited.</param>
/// <param name="QuotaMemory">The quota's requests.memory, as <paramref name="QuotaMilliCpu"/>.</param>
/// <param name="QuotaStorage">The sum of the copied claims' sizes.</param>
public sealed record BubblePlan(string Namespace, string ProductionNamespace, IReadOnlyList<string> SecondaryNetworks, long QuotaMilliCpu, long QuotaMemory, int QuotaVms, long QuotaStorage)
{
    /// <summary>The claims the bubble's copies hold (0: the quota does not count claims).</summary>
    public int QuotaClaims { get; init; }
}

/// <summary>One VM's copy: where it goes and what it uses.</summary>
public sealed record VmCopyPlan(ScopedVm Vm, int? RtoMinutes, string BubbleNamespace, string SnapshotName, IReadOnlyList<ClaimFacts> Claims, long MilliCpu, long Memory);

/// <summary>The whole copy, tier by tier (<see cref="Vms"/> lowest tier first), and warnings that do not refuse (e.g. a host-assisted clone strategy).</summary>
public sealed record CopyPlan(IsolatedOptions Options, IReadOnlyList<BubblePlan> Bubbles, IReadOnlyList<VmCopyPlan> Vms, IReadOnlyList<string> Warnings);

/// <summary>How consistent a VM's snapshot is.</summary>
public enum Consistency
{
    Unknown,

    /// <summary>The guest agent froze the filesystems (status.indications GuestAgent).</summary>
    GuestAgentFreeze,

    /// <summary>No guest agent: crash-consistent (status.indications NoGuestAgent).</summary>
    CrashConsistent,
}

/// <summary>The step a copy failed at.</summary>
public enum CopyStep
{
    Snapshot,
    Copy,
    Boot,
}

/// <summary>
/// One VM's copy in time, filled in by the run as it goes (every time is the run's clock). Null times
/// are steps not reached. <see cref="FailedAt"/> and <see cref="Failure"/> say where and why it stopped.
/// </summary>
public sealed record VmTimeline(ScopedVm Vm, int? RtoMinutes)
{
    public DateTimeOffset? SnapshotStarted { get; init; }

    public DateTimeOffset? SnapshotReady { get; init; }

    public DateTimeOffset? CopyReady { get; init; }

    /// <summary>When the VM copy was created (the boot started).</summary>
    public DateTimeOffset? BootStarted { get; init; }

    /// <summary>When it ran on a node of the DR site, with its guest agent connected and its readiness passing.</summary>
    public DateTimeOffset? Verified { get; init; }

    public Consistency Consistency { get; init; }

    /// <summary>The node the copy ran on (when seen).</summary>
    public string? Node { get; init; }

    public CopyStep? FailedAt { get; init; }

    public string? Failure { get; init; }
}

/// <summary>A copy's verdict.</summary>
public enum CopyVerdict
{
    /// <summary>Verified within its app's RTO (or no RTO).</summary>
    Recovered,

    /// <summary>Verified, but after its app's RTO.</summary>
    Late,

    Failed,

    /// <summary>Never started: the run was interrupted or gave up first.</summary>
    NotStarted,
}

/// <summary>One VM's line in the isolated report.</summary>
public sealed record IsolatedVmResult(
    ScopedVm Vm,
    CopyVerdict Verdict,
    string Reason,
    TimeSpan? SnapshotTook,
    TimeSpan? CopyTook,
    TimeSpan? BootTook,
    TimeSpan? Took,
    Consistency Consistency,
    int? RtoMinutes,
    string? Node);

/// <summary>One tier: its copies verified, and the time from the run's start to its last verified copy against its tightest RTO.</summary>
public sealed record IsolatedTierResult(int Tier, int Recovered, int Total, TimeSpan? Took, int? RtoMinutes, bool? RtoMet);

/// <summary>The report of one isolated rehearsal. <see cref="Marker"/> heads every format.</summary>
/// <param name="Leftovers">What cleanup could not remove (e.g. a PV Released or retained), one line each; empty when clean or kept.</param>
/// <param name="Kept">--keep: the copies were left running for manual checks.</param>
public sealed record IsolatedReport(
    string Id,
    string Cluster,
    string DrSite,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<IsolatedVmResult> Vms,
    IReadOnlyList<IsolatedTierResult> Tiers,
    IReadOnlyList<string> Leftovers,
    bool Kept,
    bool Interrupted)
{
    public const string Marker = "isolated test, production not moved";

    /// <summary>Every copy recovered within its RTO (Late counts as not met).</summary>
    public bool AllRecovered => Vms.Count > 0 && Vms.All(v => v.Verdict == CopyVerdict.Recovered);
}
