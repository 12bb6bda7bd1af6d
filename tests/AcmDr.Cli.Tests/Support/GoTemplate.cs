using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Runs ACM templates through Go's text/template (tests/gotmpl), the engine
/// ACM itself uses, with ACM's function semantics.
/// </summary>
public static class GoTemplate
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> Binary = new(GoTemplateBuild.Build);

    /// <summary>
    /// Resolves the {{hub ... hub}} templates of a Policy's
    /// <c>policy-templates[i].objectDefinition</c> as the propagator does.
    /// </summary>
    /// <param name="configMaps">ConfigMaps in <paramref name="ns"/>, by name, as key/value data.</param>
    /// <param name="resourceVersion">The resourceVersion every one of them has, as <c>lookup</c> reads it.</param>
    public static GoTemplateResult ExecuteHub(
        JsonNode objectDefinition,
        IDictionary<string, IDictionary<string, string>> configMaps,
        string ns = "acmdr",
        string resourceVersion = "1")
    {
        ArgumentNullException.ThrowIfNull(objectDefinition);
        ArgumentNullException.ThrowIfNull(configMaps);
        var maps = new JsonObject();
        var objects = new JsonArray();
        foreach (var (name, data) in configMaps)
        {
            var entries = new JsonObject();
            foreach (var (key, value) in data)
            {
                entries[key] = value;
            }

            maps[name] = entries;
            objects.Add(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["resourceVersion"] = resourceVersion },
                ["data"] = entries.DeepClone(),
            });
        }

        var request = new JsonObject
        {
            ["object"] = objectDefinition.DeepClone(),
            ["namespace"] = ns,
            ["configMaps"] = maps,
            ["objects"] = objects,
        };
        return Run("hub", request);
    }

    /// <summary>
    /// Resolves an <c>object-templates-raw</c> string as the configuration-policy
    /// controller does, with <c>lookup</c> reading <paramref name="objects"/>;
    /// with <paramref name="evaluate"/>, matches each musthave template against them.
    /// </summary>
    public static GoTemplateResult ExecuteManaged(string template, IEnumerable<JsonNode> objects, bool evaluate = true)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var request = new JsonObject
        {
            ["template"] = template,
            ["objects"] = new JsonArray(objects.Select(o => o.DeepClone()).ToArray()),
            ["evaluate"] = evaluate,
        };
        return Run("managed", request);
    }

    private static GoTemplateResult Run(string mode, JsonObject request)
    {
        var (exitCode, stdout, stderr) = ProcessRunner.Run(Binary.Value, [mode], request.ToJsonString(), null, null, RunTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"gotmpl {mode} failed (exit {exitCode}): {stderr}");
        }

        var result = JsonNode.Parse(stdout)!.AsObject();
        var evaluations = (result["evaluations"] as JsonArray ?? [])
            .Select(e => new TemplateEvaluation(
                (string?)e!["name"] ?? string.Empty,
                (string?)e["namespace"] ?? string.Empty,
                (string?)e["kind"] ?? string.Empty,
                (string?)e["complianceType"] ?? string.Empty,
                (string?)e["result"] ?? string.Empty,
                (string?)e["message"]))
            .ToList();
        return new GoTemplateResult(
            (bool?)result["ok"] ?? false,
            (string?)result["error"],
            (string?)result["yaml"],
            result["object"]?.DeepClone() as JsonObject,
            (result["objectTemplates"] as JsonArray ?? []).Select(t => t!.DeepClone()).ToList(),
            evaluations);
    }

    internal static TimeSpan BuildTimeLimit => BuildTimeout;

    /// <summary>The harness binary, built once per test run (other modes: <c>Yaml/GoYaml</c>).</summary>
    internal static string Harness => Binary.Value;
}
