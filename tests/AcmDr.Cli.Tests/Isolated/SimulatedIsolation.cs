using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>
/// Just enough KubeVirt, CDI, CSI and kube-controller-manager for an isolated test recovery, on the
/// fake API server and the injected clock. It acts before the server handles each request (and when the
/// test calls <see cref="Step"/>), so what a request reads is what the cluster looks like at that moment:
/// <list type="bullet">
/// <item>snapshot controller: a VirtualMachineSnapshot is InProgress, then <see cref="SnapshotDelay"/> after its
/// creation it has a VirtualMachineSnapshotContent (the VM as it is then, one volume backup per claim) and a
/// ready VolumeSnapshot per claim, and reads Succeeded/readyToUse with its indications (Online, GuestAgent or
/// NoGuestAgent); or Failed with status.error.message (<see cref="FailSnapshotOf"/>, a missing VM or claim,
/// no VolumeSnapshotClass for the claim's driver).</item>
/// <item>CDI: a DataVolume with source.snapshot is CloneInProgress (progress in %), then <see cref="CopyDelay"/> after
/// its creation it has a Bound PVC of its name (owned by it) on a new bound PV, and reads Succeeded; or Failed with
/// the Running condition's message (<see cref="FailCopyOf"/>, or a VolumeSnapshot that is not there).</item>
/// <item>copy boot: a VirtualMachine in an <c>acmdr-test-*</c> namespace that should run (runStrategy Always or
/// running true), once every dataVolume volume is Succeeded and every persistentVolumeClaim volume Bound, gets
/// <see cref="BootDelay"/> later a VirtualMachineInstance Running on the least busy Ready, schedulable node whose
/// labels match its template nodeSelector, with AgentConnected (not for <see cref="NoGuestAgent"/>) and Ready;
/// Scheduling forever for <see cref="NeverBoots"/> or while no node matches; Scheduling (FailedCreate) while a network cannot
/// attach (a NAD/UDN missing, l2bridge without a primary UDN, masquerade on one); Pending (FailedCreate) while the launcher
/// exceeds the bubble's quota. A copy that boots attached beyond its bubble is recorded in <see cref="Breaches"/>.</item>
/// <item>namespaces: DELETE marks one Terminating; <see cref="TerminationDelay"/> later (at a later step) everything
/// in it goes, then it. A create in a
/// namespace that is not there is refused 404, in one that is terminating 403 (as the API server's admission does).</item>
/// <item>garbage collection by ownerReferences (instances of deleted VMs, claims of deleted DataVolumes, contents
/// of deleted snapshots and their VolumeSnapshots); a PV whose claim is gone is deleted, or left Released when
/// <see cref="RetainPvOf"/> names the claim or its reclaim policy is Retain.</item>
/// <item>SelfSubjectAccessReviews: allowed unless a <see cref="Deny"/> entry matches.</item>
/// </list>
/// It records what it saw and did in <see cref="Events"/>. It does not simulate other admission (quotas, limit ranges,
/// KubeMacPool), networking (UDNs, policies are stored, never enforced),
/// virt-launcher pods, or the snapshot's failureDeadline.
/// </summary>
public sealed partial class SimulatedIsolation
{
    /// <summary>The prefix of the namespaces whose VMs this simulator boots (the bubbles).</summary>
    public const string BubblePrefix = "acmdr-test-";

    private readonly FakeApiServer server;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, string Event)> events = new();
    private readonly ConcurrentQueue<JsonObject> reviews = new();
    private readonly ConcurrentQueue<string> breaches = new();
    private readonly List<(string Verb, string Resource, string? Namespace)> denied = [];
    private readonly Dictionary<string, (long Step, DateTimeOffset At)> terminating = new(StringComparer.Ordinal);
    private long steps;

    public SimulatedIsolation(FakeApiServer server, TimeProvider clock, string siteLabel = IsolationWorld.SiteLabel)
    {
        ArgumentNullException.ThrowIfNull(server);
        this.server = server;
        this.clock = clock;
        SiteLabel = siteLabel;
        server.Routes.Map("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", (_, _, body) => Review(body));
        server.Routes.Map("DELETE", "/api/v1/namespaces/{name}", (store, values) => DeleteNamespace(store, values["name"]));
        server.Faults.Add(FaultRule.Before(null, "", _ => Step(), times: null));
        server.Admission.Add(AdmitCreate);
    }

    /// <summary>The node label that names a site (what a copy's nodeSelector names).</summary>
    public string SiteLabel { get; }

    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan CopyDelay { get; set; } = TimeSpan.FromSeconds(45);

    public TimeSpan BootDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a deleted namespace reads Terminating before it and its content go (at the first step after at least this long; zero: the next step).</summary>
    public TimeSpan TerminationDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>VMs ("vm" or "ns/vm") whose snapshots fail.</summary>
    public NameSet FailSnapshotOf { get; } = new();

    /// <summary>DataVolumes ("name", "ns/name", or the production VM's name from their source-vm label) whose copies fail.</summary>
    public NameSet FailCopyOf { get; } = new();

    /// <summary>VMs (production name, or "ns/vm" with the bubble namespace) whose copies stay Scheduling forever.</summary>
    public NameSet NeverBoots { get; } = new();

    /// <summary>VMs (production name or "ns/vm") without a guest agent: snapshots are crash-consistent and copies never report AgentConnected.</summary>
    public NameSet NoGuestAgent { get; } = new();

    /// <summary>Claims ("name" or "ns/name") whose PV is left Released (not deleted) when the claim goes.</summary>
    public NameSet RetainPvOf { get; } = new();

    /// <summary>The denied rights as (verb, resource, namespace or null for every namespace).</summary>
    public IReadOnlyList<(string Verb, string Resource, string? Namespace)> Denied
    {
        get
        {
            lock (gate)
            {
                return [.. denied];
            }
        }
    }

    /// <summary>
    /// How copies that booted reach beyond their bubble, one line each ("ns/vm: network n attaches prod/x of another
    /// namespace", "... is the cluster default pod network ...", "... attaches NetworkAttachmentDefinition ..."): empty
    /// when every copy is isolated.
    /// </summary>
    public IReadOnlyList<string> Breaches => [.. breaches];

    /// <summary>Every SelfSubjectAccessReview asked, as answered (spec and status), oldest first.</summary>
    public IReadOnlyList<JsonObject> Reviews => [.. reviews];

    /// <summary>
    /// What the simulator saw and did, oldest first: "snapshot started ns/name", "snapshot ready ns/name (GuestAgent)",
    /// "snapshot failed ns/name: msg", "copy started ns/name", "copy ready ns/name", "copy failed ns/name: msg",
    /// "boot ns/vm on node", "unschedulable ns/vm", "namespace terminating ns", "namespace deleted ns",
    /// "pv released name (ns/claim)", "pv deleted name (ns/claim)", "review verb resource ns allowed|denied".
    /// </summary>
    public IReadOnlyList<string> Events => [.. events.Select(e => e.Event)];

    /// <summary><see cref="Events"/> with the clock's time of each.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Event)> TimedEvents => [.. events];

    /// <summary>
    /// Denies a right: <paramref name="resource"/> as a review names it ("namespaces", "datavolumes/source",
    /// "virtualmachinesnapshots.snapshot.kubevirt.io", "datavolumes/source.cdi.kubevirt.io"); a null namespace
    /// denies it in every namespace, a named one there and for all namespaces at once (as RBAC would).
    /// </summary>
    public void Deny(string verb, string resource, string? ns)
    {
        lock (gate)
        {
            denied.Add((verb, resource, ns));
        }
    }

    /// <summary>Advances the cluster to the clock's time: what the controllers would have done by now.</summary>
    public void Step()
    {
        lock (gate)
        {
            steps++;
            var now = clock.GetUtcNow();
            var store = server.Store;
            StepNamespaces(store, now);
            CollectGarbage(store);
            StepVolumes(store);
            StepSnapshots(store, now);
            StepCopies(store, now);
            StepBoots(store, now);
        }
    }

    private JsonObject Review(JsonNode? body)
    {
        if (body is not JsonObject review || review["spec"]?["resourceAttributes"] is not JsonObject attributes)
        {
            throw KubeApiException.BadRequest("SelfSubjectAccessReview: spec.resourceAttributes is required");
        }

        var verb = Text(attributes["verb"]) ?? "";
        var group = Text(attributes["group"]) ?? "";
        var resource = Text(attributes["resource"]) ?? "";
        var sub = Text(attributes["subresource"]);
        var ns = Text(attributes["namespace"]) is { Length: > 0 } n ? n : null;
        var names = new HashSet<string>(StringComparer.Ordinal) { resource, sub is null ? resource : $"{resource}/{sub}" };
        if (group.Length > 0)
        {
            names.Add($"{resource}.{group}");
            names.Add(sub is null ? $"{resource}.{group}" : $"{resource}/{sub}.{group}");
        }

        bool allowed;
        lock (gate)
        {
            allowed = !denied.Any(d => d.Verb == verb && names.Contains(d.Resource) && (d.Namespace is null || ns is null || d.Namespace == ns));
        }

        var answer = (JsonObject)review.DeepClone();
        answer["apiVersion"] = "authorization.k8s.io/v1";
        answer["kind"] = "SelfSubjectAccessReview";
        answer["status"] = allowed
            ? new JsonObject { ["allowed"] = true, ["reason"] = "RBAC: allowed by the simulated cluster" }
            : new JsonObject { ["allowed"] = false, ["reason"] = "RBAC: denied by the simulated cluster" };
        reviews.Enqueue((JsonObject)answer.DeepClone());
        Record($"review {verb} {names.Last()} {ns ?? "*"} {(allowed ? "allowed" : "denied")}");
        return answer;
    }

    private void Record(string what) => events.Enqueue((clock.GetUtcNow(), what));

    private JsonObject? Find(ApiResource type, string? ns, string? name) =>
        name is null ? null : server.Store.Get(type.Group, type.Version, type.Plural, ns, name);

    private IReadOnlyList<JsonObject> List(ApiResource type, string? ns = null) =>
        server.Store.List(type.Group, type.Version, type.Plural, ns);

    private void Update(ApiResource type, string? ns, string name, Action<JsonObject> mutate) =>
        server.Store.Update(type.Group, type.Version, type.Plural, ns, name, mutate);

    private bool Delete(ApiResource type, string? ns, string name) =>
        server.Store.Delete(type.Group, type.Version, type.Plural, ns, name);

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static string Name(JsonObject obj) => Text(obj["metadata"]?["name"]) ?? "";

    internal static string? Namespace(JsonObject obj) => Text(obj["metadata"]?["namespace"]);

    internal static string Uid(JsonObject obj) => Text(obj["metadata"]?["uid"]) ?? "";

    internal static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? Parse(JsonNode? timestamp) =>
        Text(timestamp) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static DateTimeOffset CreatedAt(JsonObject obj, DateTimeOffset now) => Parse(obj["metadata"]?["creationTimestamp"]) ?? now;

    private static JsonObject OwnerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = Text(owner["apiVersion"]),
        ["kind"] = Text(owner["kind"]),
        ["name"] = Name(owner),
        ["uid"] = Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    private static JsonObject Condition(string type, bool status, string reason = "", string message = "", DateTimeOffset? at = null)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = status ? "True" : "False" };
        if (reason.Length > 0)
        {
            condition["reason"] = reason;
        }

        if (message.Length > 0)
        {
            condition["message"] = message;
        }

        if (at is { } when)
        {
            condition["lastTransitionTime"] = Timestamp(when);
        }

        return condition;
    }

    private static JsonObject Labels(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        if (metadata["labels"] is JsonObject labels)
        {
            return labels;
        }

        labels = [];
        metadata["labels"] = labels;
        return labels;
    }
}
