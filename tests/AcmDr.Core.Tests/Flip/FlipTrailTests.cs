using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class FlipTrailTests
{
    private const string Good = """{"id":"0a","at":"2026-11-25T19:00:00Z","user":"bob","from":"Primary","to":"DR","scope":"tier-1","reason":"drill"}""";
    private const string Older = """{"id":"0b","at":"2026-11-24T08:00:00+02:00","user":"carol","from":"DR","to":"Primary","scope":"site"}""";

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("  \n")]
    public void No_annotation_is_an_empty_trail_without_a_problem(string? text)
    {
        var trail = FlipTrail.Parse(text);

        trail.Entries.Should().BeEmpty();
        trail.Kept.Should().BeEmpty();
        trail.Ids.Should().BeEmpty();
        trail.Unreadable.Should().BeNull();
        trail.Problem.Should().BeNull();
    }

    [TestMethod]
    public void Readable_entries_are_read_kept_verbatim_and_their_ids_known()
    {
        var trail = FlipTrail.Parse($"[{Good}, {Older}]");

        trail.Entries.Should().Equal(
            new FlipHistoryEntry("0a", new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero), "bob", "Primary", "DR", "tier-1", "drill"),
            new FlipHistoryEntry("0b", new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), "carol", "DR", "Primary", "site", null));
        trail.Entries[1].At.Offset.Should().Be(TimeSpan.Zero, "times are read as UTC");
        trail.Kept.Should().Equal(Good, Older);
        trail.Ids.Should().BeEquivalentTo("0a", "0b");
        trail.Unreadable.Should().BeNull();
        trail.Problem.Should().BeNull();
    }

    [TestMethod]
    public void Missing_or_null_fields_read_as_unknown_with_defaults()
    {
        var trail = FlipTrail.Parse("""[{"at":"2026-11-25T19:00:00Z","user":null}]""");

        trail.Entries.Should().Equal(new FlipHistoryEntry(string.Empty, new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero), "unknown", string.Empty, string.Empty, "site", null));
        trail.Ids.Should().BeEmpty();
        trail.Problem.Should().BeNull();
    }

    [TestMethod]
    public void Text_that_is_not_json_is_unreadable_as_a_whole()
    {
        var trail = FlipTrail.Parse("flipped by bob");

        trail.Entries.Should().BeEmpty();
        trail.Unreadable.Should().Be("flipped by bob");
        trail.Problem.Should().StartWith("is not JSON (");
    }

    [TestMethod]
    [DataRow("{}", "is JSON an object, not an array of flips")]
    [DataRow("\"x\"", "is JSON a string, not an array of flips")]
    [DataRow("4", "is JSON a number, not an array of flips")]
    [DataRow("false", "is JSON a boolean, not an array of flips")]
    [DataRow("null", "is JSON null, not an array of flips")]
    public void Json_that_is_not_an_array_is_unreadable_as_a_whole(string text, string problem)
    {
        var trail = FlipTrail.Parse(text);

        trail.Entries.Should().BeEmpty();
        trail.Kept.Should().BeEmpty();
        trail.Unreadable.Should().Be(text);
        trail.Problem.Should().Be(problem);
    }

    [TestMethod]
    [DataRow("[1]", "JSON a number, not an object")]
    [DataRow("[[]]", "JSON an array, not an object")]
    [DataRow("[true]", "JSON a boolean, not an object")]
    [DataRow("[null]", "JSON null, not an object")]
    [DataRow("[\"x\"]", "JSON a string, not an object")]
    [DataRow("""[{"id":"x"}]""", "no 'at' time")]
    [DataRow("""[{"at":5}]""", "no 'at' time")]
    [DataRow("""[{"at":"yesterday"}]""", "no 'at' time")]
    [DataRow("""[{"at":"2026-11-25T19:00:00Z","user":{"n":1}}]""", "'user' is JSON an object, not a string")]
    [DataRow("""[{"at":"2026-11-25T19:00:00Z","reason":7}]""", "'reason' is JSON a number, not a string")]
    [DataRow("""[{"at":"2026-11-25T19:00:00Z","id":true}]""", "'id' is JSON a boolean, not a string")]
    public void An_entry_that_cannot_be_read_is_moved_aside_with_why(string text, string why)
    {
        var trail = FlipTrail.Parse(text);

        trail.Entries.Should().BeEmpty();
        trail.Unreadable.Should().Be(text);
        trail.Problem.Should().Be($"1 of 1 entries cannot be read (entry 1: {why})");
    }

    [TestMethod]
    public void Good_entries_are_kept_among_bad_ones_and_the_first_bad_one_is_named()
    {
        var trail = FlipTrail.Parse($"[{Good},null,{{\"id\":\"lost\",\"at\":5}},{Older}]");

        trail.Kept.Should().Equal(Good, Older);
        trail.Unreadable.Should().Be("""[null,{"id":"lost","at":5}]""");
        trail.Problem.Should().Be("2 of 4 entries cannot be read (entry 2: JSON null, not an object)");
        trail.Ids.Should().BeEquivalentTo(["0a", "lost", "0b"], "any id recognises a lost answer, even in an unreadable entry");
    }
}
