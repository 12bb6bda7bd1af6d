using System.Text.Json.Nodes;
using FluentAssertions;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class SelectorAndPatchTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["tier"] = "1", ["app"] = "web" };

    [TestMethod]
    [DataRow("", true)]
    [DataRow("tier=1", true)]
    [DataRow("tier==1", true)]
    [DataRow("tier!=1", false)]
    [DataRow("missing!=1", true)]
    [DataRow("tier", true)]
    [DataRow("!tier", false)]
    [DataRow("!missing", true)]
    [DataRow("tier in (1, 2)", true)]
    [DataRow("tier notin (1,2)", false)]
    [DataRow("missing notin (1,2)", true)]
    [DataRow("tier=1,app=db", false)]
    [DataRow("tier in (1,2),app=web", true)]
    public void Label_selector_matches_like_kube(string selector, bool expected) =>
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(expected);

    [TestMethod]
    public void Malformed_label_selector_is_BadRequest()
    {
        var act = () => LabelSelector.Parse("tier in 1");

        act.Should().Throw<KubeApiException>().Which.Code.Should().Be(400);
    }

    [TestMethod]
    public void Merge_patch_with_null_removes_a_key()
    {
        var target = JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3}}""");

        var result = JsonMergePatch.Apply(target, JsonNode.Parse("""{"b":{"c":null,"e":4}}"""));

        JsonNode.DeepEquals(result, JsonNode.Parse("""{"a":1,"b":{"d":3,"e":4}}""")).Should().BeTrue(result!.ToJsonString());
    }

    [TestMethod]
    public void Json_patch_failed_test_is_rejected_and_leaves_the_input_alone()
    {
        var doc = JsonNode.Parse("""{"data":{"site":"Primary"}}""")!;
        var ops = JsonNode.Parse("""[{"op":"replace","path":"/data/site","value":"DR"},{"op":"test","path":"/data/site","value":"Primary"}]""")!.AsArray();

        var act = () => JsonPatch.Apply(doc, ops);

        act.Should().Throw<KubeApiException>().Which.Code.Should().Be(422);
        doc["data"]!["site"]!.GetValue<string>().Should().Be("Primary");
    }

    [TestMethod]
    public void Json_patch_appends_to_arrays_and_escapes_slashes()
    {
        var doc = JsonNode.Parse("""{"items":[1],"metadata":{"labels":{}}}""")!;
        var ops = JsonNode.Parse("""[{"op":"add","path":"/items/-","value":2},{"op":"add","path":"/metadata/labels/app.kubernetes.io~1name","value":"x"}]""")!.AsArray();

        var result = JsonPatch.Apply(doc, ops);

        result.ToJsonString().Should().Be("""{"items":[1,2],"metadata":{"labels":{"app.kubernetes.io/name":"x"}}}""");
    }
}
