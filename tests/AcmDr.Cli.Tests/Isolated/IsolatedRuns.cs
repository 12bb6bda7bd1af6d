using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>What the isolated end-to-end tests read from a run: its JSON report, its progress, the cluster's writes.</summary>
internal static class IsolatedRuns
{
    public static JsonObject ReportOf(CliResult result) => JsonNode.Parse(result.Out)!.AsObject();

    public static JsonObject VmOf(JsonObject report, string ns, string name) =>
        report["vms"]!.AsArray().OfType<JsonObject>().Single(v => v["namespace"]!.GetValue<string>() == ns && v["name"]!.GetValue<string>() == name);

    public static string Text(JsonNode? node) => node!.GetValue<string>();

    /// <summary>The lines of stderr (empty ones left out).</summary>
    public static IReadOnlyList<string> ErrLines(CliResult result) => result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>POSTs other than SelfSubjectAccessReviews.</summary>
    public static IReadOnlyList<RecordedRequest> Creates(IsolationWorld world) => [.. world.Writes().Where(r => r.Method == "POST")];

    /// <summary>Everything labelled with the rehearsal id that is still on the cluster, as "plural ns/name".</summary>
    public static IReadOnlyList<string> Labelled(IsolationWorld world, string id) =>
        [.. new[] { ApiResource.Namespaces, ApiResource.VmSnapshots, ApiResource.DataVolumes, ApiResource.VirtualMachines, ApiResource.Claims, ApiResource.UserDefinedNetworks }
            .SelectMany(t => world.List(t, null, $"rehearsal.acmdr.io/id={id}").Select(o => $"{t.Plural} {o["metadata"]?["namespace"]}/{o["metadata"]!["name"]}"))];

    /// <summary>Whatever is left in namespaces named acmdr-test-*: objects of any type the rehearsal makes there.</summary>
    public static IReadOnlyList<string> InBubbles(IsolationWorld world) =>
        [.. new[] { ApiResource.VirtualMachines, ApiResource.Instances, ApiResource.DataVolumes, ApiResource.Claims, ApiResource.UserDefinedNetworks, ApiResource.NetworkPolicies, ApiResource.Quotas, ApiResource.LimitRanges }
            .SelectMany(t => world.List(t).Where(o => (o["metadata"]?["namespace"]?.GetValue<string>() ?? "").StartsWith("acmdr-test-", StringComparison.Ordinal))
                .Select(o => $"{t.Plural} {o["metadata"]!["namespace"]}/{o["metadata"]!["name"]}"))];

    /// <summary>The progress lines of one VM, as "tier N: ns/vm what".</summary>
    public static IReadOnlyList<string> Progress(CliResult result) => [.. ErrLines(result).Where(l => l.StartsWith("tier ", StringComparison.Ordinal))];
}
