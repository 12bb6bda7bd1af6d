using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class PlainScalarTests
{
    [TestMethod]
    [DataRow("a: true", "true")]
    [DataRow("a: 'true'", "\"true\"")]
    [DataRow("a: yes", "true")]
    [DataRow("a: on", "true")]
    [DataRow("a: 2", "2")]
    [DataRow("a: '2'", "\"2\"")]
    [DataRow("a: 0x1f", "31")]
    [DataRow("a: 0755", "493")]
    [DataRow("a: 1e3", "1000")]
    [DataRow("a: 1.5", "1.5")]
    [DataRow("a: ~", "null")]
    [DataRow("a:", "null")]
    [DataRow("a: 2024-01-01", "\"2024-01-01\"")]
    [DataRow("a: Primary", "\"Primary\"")]
    [DataRow("a: |\n  x\n", "\"x\\n\"")]
    public void Scalars_are_typed_like_kubectl(string yaml, string json)
    {
        YamlJson.Parse(yaml)!["a"]?.ToJsonString().Should().Be(json == "null" ? null : json);
    }

    [TestMethod]
    public void Duplicate_keys_are_rejected()
    {
        var act = () => YamlJson.Parse("a: 1\na: 2\n");

        act.Should().Throw<Exception>().WithMessage("*a*");
    }

    [TestMethod]
    public void Multiple_documents_skip_empty_ones()
    {
        YamlJson.ParseDocuments("a: 1\n---\n---\nb: 2\n").Should().HaveCount(2);
        YamlJson.Parse("x: [1, 'a']")!.Should().BeOfType<JsonObject>();
    }
}
