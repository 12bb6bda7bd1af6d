using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// ACM on one managed cluster, small enough for a test: the policy framework's dependency check and the
/// configuration-policy controller, acting on the generated root policies placed on the cluster and
/// nothing else (it knows no acmdr rule: what it does comes from the YAML). Each <see cref="Step"/> is one
/// evaluation of every placed policy. A policy whose dependencies are unmet is Pending and none of its
/// templates act; dependencies read the compliance the previous step ended with, as the framework reads
/// the status the controller last reported. Otherwise each template is resolved on the hub (Go's
/// text/template, the switch as the ConfigMap), then on the cluster with <c>lookup</c> over its Nodes, VMs,
/// instances and migrations; an enforce musthave creates what is missing and merges into what differs,
/// an inform one only reports. A template is Compliant when every object it names is (an empty list is);
/// a policy when every template is.
/// </summary>
public sealed class PolicyController(GeneratedPolicies policies, ObjectStore hub, ObjectStore cluster, TimeProvider clock)
{
    public const string Compliant = "Compliant";
    public const string NonCompliant = "NonCompliant";
    public const string Pending = "Pending";

    private static readonly (string Group, string Version, string Plural)[] Kinds =
    [
        ("", "v1", "nodes"),
        ("kubevirt.io", "v1", "virtualmachines"),
        ("kubevirt.io", "v1", "virtualmachineinstances"),
        ("kubevirt.io", "v1", "virtualmachineinstancemigrations"),
    ];

    private readonly Dictionary<string, GoTemplateResult> hubResolved = new(StringComparer.Ordinal);
    private readonly List<PolicyWrite> writes = [];
    private Dictionary<string, string> compliance = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TemplateEvaluation>> outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> pendingOn = new(StringComparer.Ordinal);

    /// <summary>Runs after each write, before the next template is evaluated: the cluster's controllers reacting at once.</summary>
    public Action? AfterWrite { get; set; }

    /// <summary>Steps run so far.</summary>
    public int Steps { get; private set; }

    /// <summary>Each placed policy's compliance after the last step.</summary>
    public IReadOnlyDictionary<string, string> Compliance => compliance;

    /// <summary>Each template's compliance when its policy last ran (a Pending policy's templates keep theirs).</summary>
    public IReadOnlyDictionary<string, string> Templates => templates;

    /// <summary>Each template's objects as its last evaluation found them: the harness's result, or "created" / "updated" where it enforced.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TemplateEvaluation>> Outcomes => outcomes;

    /// <summary>The unmet dependencies of each policy that is Pending, as the framework names them ("Policy acmdr.dr-db").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PendingOn => pendingOn;

    /// <summary>Every write made on the cluster, in order.</summary>
    public IReadOnlyList<PolicyWrite> Writes => writes;

    public void Step()
    {
        Steps++;
        var before = compliance;
        var after = new Dictionary<string, string>(StringComparer.Ordinal);
        var configMaps = SwitchData();
        foreach (var policy in policies.Placed)
        {
            var name = policy["metadata"]!["name"]!.GetValue<string>();
            if (policy["spec"]?["disabled"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var unmet = UnmetDependencies(policy, before);
            if (unmet.Count > 0)
            {
                after[name] = Pending;
                pendingOn[name] = unmet;
                continue;
            }

            pendingOn.Remove(name);

            var action = policy["spec"]?["remediationAction"]?.GetValue<string>();
            var results = policy["spec"]!["policy-templates"]!.AsArray()
                .Select(t => Evaluate(name, t!["objectDefinition"]!, configMaps, action))
                .ToList();
            after[name] = results.All(r => r) ? Compliant : NonCompliant;
        }

        compliance = after;
    }

    private List<string> UnmetDependencies(JsonObject policy, Dictionary<string, string> known)
    {
        var unmet = new List<string>();
        foreach (var dependency in policy["spec"]?["dependencies"] as JsonArray ?? [])
        {
            var name = dependency!["name"]!.GetValue<string>();
            var wanted = dependency["compliance"]?.GetValue<string>() ?? Compliant;

            // The propagator expands a set into every member (canonicalizeDependencies): a member not placed
            // here has no status here, and the dependency stays unmet.
            IEnumerable<string> members = dependency["kind"]!.GetValue<string>() == "PolicySet" ? policies.Sets[name] : [name];
            unmet.AddRange(members.Where(m => known.GetValueOrDefault(m) != wanted).Select(m => $"Policy acmdr.{m}"));
        }

        return unmet;
    }

    /// <summary>One ConfigurationPolicy: resolved on the hub, then run on the cluster; true when Compliant.</summary>
    private bool Evaluate(string policy, JsonNode objectDefinition, Dictionary<string, IDictionary<string, string>> configMaps, string? policyAction)
    {
        var template = objectDefinition["metadata"]!["name"]!.GetValue<string>();
        var version = SwitchVersion();
        var hubKey = objectDefinition.ToJsonString() + "\n" + System.Text.Json.JsonSerializer.Serialize(configMaps) + "\n" + version;
        if (!hubResolved.TryGetValue(hubKey, out var resolved))
        {
            resolved = GoTemplate.ExecuteHub(objectDefinition, configMaps, resourceVersion: version);
            hubResolved[hubKey] = resolved;
        }

        if (!resolved.Ok)
        {
            // The propagator delivers no template it cannot resolve: the policy reports the error, nothing acts.
            templates[template] = NonCompliant;
            outcomes[template] = [];
            return false;
        }

        var spec = resolved.Object!["spec"]!;
        var enforce = string.Equals(policyAction ?? spec["remediationAction"]?.GetValue<string>(), "enforce", StringComparison.OrdinalIgnoreCase);
        var raw = spec["object-templates-raw"]?.GetValue<string>() ?? (spec["object-templates"] ?? new JsonArray()).ToJsonString();
        var objects = Objects();
        var managed = GoTemplate.ExecuteManaged(raw, objects);
        if (!managed.Ok)
        {
            templates[template] = NonCompliant;
            outcomes[template] = [];
            return false;
        }

        var compliant = true;
        var results = new List<TemplateEvaluation>();
        foreach (var (objectTemplate, evaluation) in managed.ObjectTemplates.Zip(managed.Evaluations))
        {
            if (evaluation.Result == "compliant" || !enforce)
            {
                compliant &= evaluation.Result == "compliant";
                results.Add(evaluation);
                continue;
            }

            if (evaluation.ComplianceType != "musthave")
            {
                throw new NotSupportedException($"{template}: enforce {evaluation.ComplianceType} is not simulated");
            }

            var wanted = (JsonObject)objectTemplate["objectDefinition"]!;
            var created = evaluation.Result == "notfound";
            if (created)
            {
                cluster.Put((JsonObject)wanted.DeepClone());
                Record(policy, template, "create", wanted);
            }
            else
            {
                var current = (JsonObject)objects.Single(o => Same(o, wanted)).DeepClone();
                Merge(current, wanted);
                cluster.Put(current);
                Record(policy, template, "merge", wanted);
            }

            results.Add(evaluation with { Result = created ? "created" : "updated", Message = null });
        }

        outcomes[template] = results;
        templates[template] = compliant ? Compliant : NonCompliant;
        return compliant;
    }

    /// <summary>The switch's resourceVersion on the hub, as a hub template's lookup reads it.</summary>
    private string SwitchVersion() =>
        hub.Get("", "v1", "configmaps", "acmdr", "acmdr-sites")?["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    private Dictionary<string, IDictionary<string, string>> SwitchData()
    {
        var map = hub.Get("", "v1", "configmaps", "acmdr", "acmdr-sites");
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return [];
        }

        foreach (var (key, value) in map["data"] as JsonObject ?? [])
        {
            data[key] = value!.GetValue<string>();
        }

        return new(StringComparer.Ordinal) { ["acmdr-sites"] = data };
    }

    private List<JsonNode> Objects() => [.. LookupKinds.SelectMany(k => cluster.List(k.Group, k.Version, k.Plural))];

    private void Record(string policy, string template, string action, JsonObject wanted)
    {
        writes.Add(new PolicyWrite(Steps, clock.GetUtcNow(), policy, template, action,
            wanted["kind"]!.GetValue<string>(), wanted["metadata"]?["namespace"]?.GetValue<string>() ?? "", wanted["metadata"]!["name"]!.GetValue<string>()));
        AfterWrite?.Invoke();
    }

    private static bool Same(JsonNode have, JsonObject wanted) =>
        have["apiVersion"]?.GetValue<string>() == wanted["apiVersion"]?.GetValue<string>()
        && have["kind"]?.GetValue<string>() == wanted["kind"]?.GetValue<string>()
        && have["metadata"]?["namespace"]?.GetValue<string>() == wanted["metadata"]?["namespace"]?.GetValue<string>()
        && have["metadata"]?["name"]?.GetValue<string>() == wanted["metadata"]?["name"]?.GetValue<string>();

    /// <summary>musthave's merge: maps key by key, list items added when missing, anything else replaced.</summary>
    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from)
        {
            if (value is JsonObject map && into[key] is JsonObject existing)
            {
                Merge(existing, map);
            }
            else if (value is JsonArray list && into[key] is JsonArray items)
            {
                foreach (var item in list.Where(i => !items.Any(h => JsonNode.DeepEquals(h, i))).ToList())
                {
                    items.Add(item?.DeepClone());
                }
            }
            else
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>The kinds of the hub-local policies' objects: Ramen's DRPCs and the Placements' decisions.</summary>
    public static readonly IReadOnlyList<(string Group, string Version, string Plural)> HubKinds =
    [
        ("ramendr.openshift.io", "v1alpha1", "drplacementcontrols"),
        ("cluster.open-cluster-management.io", "v1beta1", "placementdecisions"),
    ];

    /// <summary>The kinds <c>lookup</c> reads on the cluster and enforce may write: KubeVirt's and the Nodes, plus any added.</summary>
    public List<(string Group, string Version, string Plural)> LookupKinds { get; } = [.. Kinds];

    /// <summary>
    /// The policies placed on the hub's own managed cluster (<paramref name="hubCluster"/>, local-cluster), run on the
    /// hub itself: the cluster's store is the hub's, and lookups read the DRPCs too (their kind must be registered).
    /// </summary>
    public static PolicyController OnHub(string dir, string hubCluster, ObjectStore hub, TimeProvider clock)
    {
        var controller = new PolicyController(GeneratedPolicies.Load(dir, hubCluster), hub, hub, clock);
        controller.LookupKinds.AddRange(HubKinds);
        return controller;
    }
}
