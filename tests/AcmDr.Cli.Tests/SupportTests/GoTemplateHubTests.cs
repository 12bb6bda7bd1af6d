using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class GoTemplateHubTests
{
    private const string SiteLabel = "topology.kubernetes.io/site";

    internal static JsonNode PolicyTemplate(int index) =>
        YamlJson.Parse(ExampleManifests.PolicyDrWeb)!["spec"]!["policy-templates"]![index]!["objectDefinition"]!;

    internal static Dictionary<string, IDictionary<string, string>> Sites(params (string Key, string Value)[] entries) =>
        new() { ["acmdr-sites"] = entries.ToDictionary(e => e.Key, e => e.Value) };

    private static GoTemplateResult ResolveSite(Dictionary<string, IDictionary<string, string>> configMaps) =>
        GoTemplate.ExecuteHub(PolicyTemplate(0), configMaps);

    private static string? NodeSelectorSite(GoTemplateResult result) =>
        (string?)result.Object!["spec"]!["object-templates"]![0]!["objectDefinition"]!["spec"]!["template"]!["spec"]!["nodeSelector"]![SiteLabel];

    [TestMethod]
    [DataRow("Primary")]
    [DataRow("DR")]
    public void Global_site_is_used(string site)
    {
        var result = ResolveSite(Sites(("site", site)));

        result.Error.Should().BeNull();
        result.Ok.Should().BeTrue();
        NodeSelectorSite(result).Should().Be(site);
    }

    [TestMethod]
    public void Tier_override_wins_over_global()
    {
        NodeSelectorSite(ResolveSite(Sites(("site", "Primary"), ("tier-2", "DR")))).Should().Be("DR");
    }

    [TestMethod]
    public void App_override_wins_over_tier_and_global()
    {
        NodeSelectorSite(ResolveSite(Sites(("site", "DR"), ("tier-2", "DR"), ("app-web", "Primary")))).Should().Be("Primary");
    }

    [TestMethod]
    public void Unknown_site_fails_closed()
    {
        var result = ResolveSite(Sites(("site", "Mars")));

        result.Ok.Should().BeFalse();
        result.Error.Should().Contain("failed to get the ConfigMap").And.Contain("acmdr-sites-invalid-site");
        result.Object.Should().BeNull();
    }

    [TestMethod]
    public void Empty_site_fails_closed()
    {
        var result = ResolveSite(Sites(("site", string.Empty)));

        result.Ok.Should().BeFalse();
        result.Error.Should().Contain("acmdr-sites-invalid-site");
    }

    [TestMethod]
    public void A_missing_ConfigMap_fails_closed()
    {
        var result = ResolveSite([]);

        result.Ok.Should().BeFalse();
        result.Error.Should().Contain("failed to get the ConfigMap acmdr-sites");
    }

    [TestMethod]
    public void A_ConfigMap_of_another_namespace_is_refused()
    {
        var obj = JsonNode.Parse("""{"value": "{{hub fromConfigMap \"other\" \"acmdr-sites\" \"site\" hub}}"}""")!;

        GoTemplate.ExecuteHub(obj, Sites(("site", "DR"))).Error.Should().Contain("restricted to acmdr");
    }

    [TestMethod]
    public void Sprig_helpers_behave_like_Sprig()
    {
        var obj = JsonNode.Parse("""
            {"a": "{{hub default \"d\" \"\" hub}}", "b": "{{hub default \"d\" \"v\" hub}}",
             "c": "{{hub empty (list) hub}}", "d": "{{hub ternary \"y\" \"n\" false hub}}",
             "e": "{{hub has \"DR\" (list \"Primary\" \"DR\") hub}}", "f": "{{hub (lookup \"v1\" \"Secret\" \"\" \"x\") hub}}",
             "g": "{{hub fromConfigMap \"\" \"acmdr-sites\" \"missing\" hub}}"}
            """)!;

        var result = GoTemplate.ExecuteHub(obj, Sites(("site", "DR")));

        result.Error.Should().BeNull();
        result.Object!.ToJsonString().Should().Be("""{"a":"d","b":"v","c":"true","d":"n","e":"true","f":"map[]","g":""}""");
    }

    [TestMethod]
    public void Multi_line_string_with_trailing_space_breaks_the_template()
    {
        // yaml.v3 keeps a multi-line string as a literal block only when no
        // line ends with a space; otherwise it double-quotes it, escaping the
        // template's quotes, and the template no longer parses.
        const string Raw = "{{- $site := \"{{hub fromConfigMap \"\" \"acmdr-sites\" \"site\" hub}}\" }}\n- complianceType: musthave\n";
        var clean = new JsonObject { ["object-templates-raw"] = Raw };
        var trailing = new JsonObject { ["object-templates-raw"] = Raw.Replace("}}\n", "}} \n", StringComparison.Ordinal) };

        var ok = GoTemplate.ExecuteHub(clean, Sites(("site", "DR")));
        ok.Ok.Should().BeTrue();
        ((string?)ok.Object!["object-templates-raw"]).Should().StartWith("{{- $site := \"DR\" }}");

        var broken = GoTemplate.ExecuteHub(trailing, Sites(("site", "DR")));
        broken.Ok.Should().BeFalse();
        broken.Error.Should().Contain("failed to parse the template");
    }

    [TestMethod]
    public void Integers_survive_the_round_trip()
    {
        var result = GoTemplate.ExecuteHub(JsonNode.Parse("""{"n": 2, "s": "2", "b": true, "t": "{{hub \"x\" hub}}"}""")!, Sites());

        result.Yaml.Should().Be("b: true\n\"n\": 2\ns: \"2\"\nt: 'x'\n");
        result.Object!.ToJsonString().Should().Be("""{"b":true,"n":2,"s":"2","t":"x"}""");
    }
}
