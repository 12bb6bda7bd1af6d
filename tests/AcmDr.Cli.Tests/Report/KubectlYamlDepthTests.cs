using System.Text;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report;
using AcmDr.Cli.Yaml;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// The line-based fast path recurses once per level: it reads as deep as the full parser allows and
/// declines beyond, so the full parser reports the depth with its position.
/// </summary>
[TestClass]
public sealed class KubectlYamlDepthTests
{
    /// <summary><paramref name="levels"/> nested block mappings, the innermost holding a value.</summary>
    private static string Nested(int levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels - 1; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        return text.Append(' ', levels - 1).Append("k: v\n").ToString();
    }

    [TestMethod]
    public void The_fast_path_reads_the_deepest_allowed_nesting()
    {
        var tree = KubectlYamlReader.TryRead(Nested(DepthLimitedParser.MaxDepth));

        tree.Should().NotBeNull("256 levels are allowed");
        var node = tree![0];
        for (var i = 0; i < DepthLimitedParser.MaxDepth; i++)
        {
            node = node.Map!["k"];
        }

        node.Scalar.Should().Be("v");
    }

    [TestMethod]
    public void The_fast_path_declines_one_level_more_and_the_full_parser_names_the_place()
    {
        var yaml = Nested(DepthLimitedParser.MaxDepth + 1);

        KubectlYamlReader.TryRead(yaml).Should().BeNull();
        FluentActions.Invoking(() => DumpFiles.Parse("deep.yaml", Encoding.UTF8.GetBytes(yaml)))
            .Should().Throw<DumpFileException>().WithMessage("deep.yaml:257:*: not valid YAML: nested deeper than 256 levels");
    }
}
