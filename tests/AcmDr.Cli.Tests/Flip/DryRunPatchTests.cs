using System.Text.Json.Nodes;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>The dry run prints the merge patch a person can read: the JSON that would be sent, without \u0022 escapes.</summary>
[TestClass]
public sealed class DryRunPatchTests
{
    [TestMethod]
    public async Task The_dry_run_patch_shows_quotes_and_accents_as_written_and_is_the_json_that_would_be_sent()
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--dry-run", "--reason", "Zürich \"DC1\" power loss");

        result.ExitCode.Should().Be(0, result.ToString());
        var patchLine = result.Out.Split('\n').SkipWhile(l => !l.StartsWith("dry run: would send", StringComparison.Ordinal)).Skip(1).First();
        patchLine.Should().NotContain("\\u0022").And.NotContain("\\u00FC").And.Contain("Zürich").And.Contain("\\\"scope\\\":\\\"site\\\"");
        var patch = JsonNode.Parse(patchLine)!;
        patch["data"]!["site"]!.GetValue<string>().Should().Be("DR");
        JsonNode.Parse(patch["metadata"]!["annotations"]!["acmdr.io/flip-history"]!.GetValue<string>())![0]!["reason"]!.GetValue<string>()
            .Should().Be("Zürich \"DC1\" power loss");
    }
}
