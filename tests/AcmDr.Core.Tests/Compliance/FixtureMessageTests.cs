using AcmDr.Core.Compliance;
using FluentAssertions;

namespace AcmDr.Core.Tests.Compliance;

[TestClass]
public sealed class FixtureMessageTests
{
    [TestMethod]
    public void Every_fixture_message_parses_to_the_state_it_starts_with()
    {
        var messages = AcmStatusFixtures.Messages(AcmStatusFixtures.RequireFolder());

        messages.Should().HaveCountGreaterThan(20, "the hub dump alone holds dozens of history messages");
        foreach (var (file, message) in messages)
        {
            var parsed = ComplianceMessage.Parse(message);

            var word = message.Split(';')[0].Trim();
            parsed.State.Should().Be(ComplianceMessage.StateOf(word), $"{file}: {message}");
            parsed.State.Should().NotBe(ComplianceState.Unknown, $"{file}: {message}");
        }
    }

    [TestMethod]
    public void Fixture_object_messages_yield_object_results()
    {
        var messages = AcmStatusFixtures.Messages(AcmStatusFixtures.RequireFolder());

        var withObjects = messages.Where(m => m.Message.Contains(" namespace ", StringComparison.Ordinal));
        foreach (var (file, message) in withObjects)
        {
            ComplianceMessage.Parse(message).Objects.Should().NotBeEmpty($"{file}: {message}");
        }
    }

    [TestMethod]
    public void Older_not_found_list_from_hub_dump_names_each_namespace()
    {
        var message = AcmStatusFixtures.Messages(AcmStatusFixtures.RequireFolder())
            .Select(m => m.Message)
            .First(m => m.Contains("deployments not found", StringComparison.Ordinal));

        var parsed = ComplianceMessage.Parse(message);

        parsed.Objects.Should().HaveCountGreaterThan(1);
        parsed.Objects.Should().OnlyContain(o => o.Kind == "deployments"
            && o.Outcome == ObjectOutcome.NotFound
            && o.Names.SequenceEqual(new[] { "nginx-deployment" }));
    }

    [TestMethod]
    public void A_missing_CRD_error_from_a_hub_dump_has_no_objects()
    {
        var message = AcmStatusFixtures.Messages(AcmStatusFixtures.RequireFolder())
            .Select(m => m.Message)
            .First(m => m.Contains("couldn't find mapping", StringComparison.Ordinal));

        var parsed = ComplianceMessage.Parse(message);

        parsed.State.Should().Be(ComplianceState.NonCompliant);
        parsed.Objects.Should().BeEmpty();
    }
}
