using AcmDr.Cli.Tests.Support;
using AcmDr.Cli.Yaml;
using AcmDr.Core.Manifests;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>Any string survives a round trip through kubectl's YAML typing as the same single string.</summary>
[TestClass]
public sealed class ScalarQuotingTests
{
    [TestMethod]
    [DataRow("a: b")]
    [DataRow("#x")]
    [DataRow("x #y")]
    [DataRow("- x")]
    [DataRow("{{hub fromSecret \"\" \"s\" \"k\" hub}}")]
    [DataRow("}}")]
    [DataRow("yes")]
    [DataRow("On")]
    [DataRow("n")]
    [DataRow("1e3")]
    [DataRow("0755")]
    [DataRow("0x1F")]
    [DataRow("2")]
    [DataRow("1.0")]
    [DataRow(".inf")]
    [DataRow("null")]
    [DataRow("~")]
    [DataRow("")]
    [DataRow("2024-01-01")]
    [DataRow("12:30")]
    [DataRow("line\nkind: Secret")]
    [DataRow("trailing \nspace")]
    [DataRow("'quoted'")]
    [DataRow("\"dq\"")]
    [DataRow("* alias")]
    [DataRow("&anchor")]
    [DataRow("!tag")]
    [DataRow("%directive")]
    [DataRow("@at")]
    [DataRow("`tick")]
    [DataRow("a\tb")]
    [DataRow("---")]
    public void Hostile_strings_stay_one_string_value(string value)
    {
        var text = ManifestYamlWriter.Write([new Mapping().Add("key", value).Add("after", "x")]);

        var docs = YamlJson.ParseDocuments(text);

        docs.Should().ContainSingle();
        var obj = docs[0].AsObject();
        obj.Select(p => p.Key).Should().Equal("key", "after");
        obj["key"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.String, text);
        obj["key"]!.GetValue<string>().Should().Be(value);
    }

    [TestMethod]
    public void Multi_line_templates_without_trailing_spaces_are_literal_blocks()
    {
        ScalarStyles.For("a\nb\n").Should().Be(YamlDotNet.Core.ScalarStyle.Literal);
        ScalarStyles.For("a \nb\n").Should().Be(YamlDotNet.Core.ScalarStyle.DoubleQuoted);
    }
}
