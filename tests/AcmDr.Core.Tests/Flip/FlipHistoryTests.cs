using System.Text;
using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class FlipHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    private static FlipHistoryEntry Entry(string id, int minutes = 0, string? reason = null) =>
        new(id, At.AddMinutes(minutes), "alice", "Primary", "DR", "site", reason);

    private static string Json(FlipHistoryEntry entry) => FlipHistory.Prepend(FlipTrail.Empty, [entry])[1..^1];

    [TestMethod]
    public void An_entry_is_written_with_short_names_and_without_a_missing_reason()
    {
        FlipHistory.Prepend(FlipTrail.Empty, [Entry("f1"), Entry("f2", reason: "drill")]).Should().Be(
            """[{"id":"f1","at":"2026-11-25T19:00:00+00:00","user":"alice","from":"Primary","to":"DR","scope":"site"},"""
            + """{"id":"f2","at":"2026-11-25T19:00:00+00:00","user":"alice","from":"Primary","to":"DR","scope":"site","reason":"drill"}]""");
    }

    [TestMethod]
    public void New_entries_go_before_the_kept_ones_which_stay_verbatim()
    {
        var old = """{"id":"old",  "at":"2026-11-24T08:00:00Z"}""";

        var text = FlipHistory.Prepend(FlipTrail.Parse($"[{old}]"), [Entry("new")]);

        text.Should().Be($"[{Json(Entry("new"))},{old}]");
    }

    [TestMethod]
    public void The_trail_keeps_the_newest_twenty_flips()
    {
        var trail = FlipTrail.Parse(FlipHistory.Prepend(FlipTrail.Empty, Enumerable.Range(1, 20).Select(i => Entry($"old{i}"))));

        var kept = FlipTrail.Parse(FlipHistory.Prepend(trail, [Entry("new")]));

        FlipHistory.Keep.Should().Be(20);
        kept.Entries.Select(e => e.Id).Should().Equal(Enumerable.Range(1, 19).Select(i => $"old{i}").Prepend("new"));
    }

    [TestMethod]
    public void The_trail_stays_under_its_byte_limit_dropping_the_oldest()
    {
        var reason = new string('r', 3000);
        var entries = Enumerable.Range(1, 20).Select(i => Entry($"f{i:00}", reason: reason)).ToList();
        var one = Encoding.UTF8.GetByteCount(Json(entries[0]));

        var text = FlipHistory.Prepend(FlipTrail.Empty, entries);

        Encoding.UTF8.GetByteCount(text).Should().BeLessThanOrEqualTo(FlipHistory.MaxBytes);
        var fits = (FlipHistory.MaxBytes - 2 + 1) / (one + 1);
        FlipTrail.Parse(text).Entries.Select(e => e.Id).Should().Equal(Enumerable.Range(1, fits).Select(i => $"f{i:00}"));
        fits.Should().BeLessThan(20, "the test must reach the byte limit");
    }

    [TestMethod]
    public void A_trail_exactly_at_the_byte_limit_is_kept_whole()
    {
        var first = Json(Entry("a"));
        var padding = FlipHistory.MaxBytes - 2 - Encoding.UTF8.GetByteCount(first) - 1 - """{"id":"b","at":"2026-11-24T08:00:00Z","reason":""}""".Length;
        var second = $$"""{"id":"b","at":"2026-11-24T08:00:00Z","reason":"{{new string('x', padding)}}"}""";

        var exact = FlipHistory.Prepend(FlipTrail.Parse($"[{second}]"), [Entry("a")]);
        var third = $$"""{"id":"c","at":"2026-11-24T08:00:00Z","reason":"{{new string('x', padding + 1)}}"}""";
        var over = FlipHistory.Prepend(FlipTrail.Parse($"[{third}]"), [Entry("a")]);

        Encoding.UTF8.GetByteCount(exact).Should().Be(FlipHistory.MaxBytes);
        FlipTrail.Parse(exact).Ids.Should().BeEquivalentTo("a", "b");
        FlipTrail.Parse(over).Ids.Should().BeEquivalentTo(["a"], "one byte more, counting the comma between entries, drops the oldest");
    }

    [TestMethod]
    public void The_newest_entry_is_kept_even_when_it_alone_is_over_the_limit()
    {
        var text = FlipHistory.Prepend(FlipTrail.Parse($"[{Json(Entry("old"))}]"), [Entry("huge", reason: new string('r', FlipHistory.MaxBytes))]);

        FlipTrail.Parse(text).Ids.Should().BeEquivalentTo("huge");
    }

    [TestMethod]
    public void Unreadable_text_is_moved_aside_before_what_was_moved_there_earlier()
    {
        FlipHistory.MoveAside("new junk", null).Should().Be("new junk");
        FlipHistory.MoveAside("new junk", string.Empty).Should().Be("new junk");
        FlipHistory.MoveAside("new junk", "old junk").Should().Be("new junk\nold junk");
    }

    [TestMethod]
    public void Text_moved_aside_up_to_the_limit_is_kept_whole()
    {
        var text = new string('x', FlipHistory.MaxUnreadableBytes);

        FlipHistory.MoveAside(text, null).Should().Be(text);
    }

    [TestMethod]
    public void Text_moved_aside_over_the_limit_keeps_the_newest_beginning_and_says_how_much_was_cut()
    {
        var text = new string('n', FlipHistory.MaxUnreadableBytes) + "end";

        var moved = FlipHistory.MoveAside(text, "older");

        var kept = FlipHistory.MaxUnreadableBytes - 64;
        moved.Should().Be($"{new string('n', kept)}\n[cut by acmdr: {text.Length + 6 - kept} more bytes]");
        Encoding.UTF8.GetByteCount(moved).Should().BeLessThanOrEqualTo(FlipHistory.MaxUnreadableBytes);
    }

    [TestMethod]
    public void A_cut_never_splits_a_character()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("\U0001F600", FlipHistory.MaxUnreadableBytes / 4));

        var moved = FlipHistory.MoveAside(text, null);

        var kept = moved[..moved.IndexOf('\n', StringComparison.Ordinal)];
        kept.Should().Be("a" + string.Concat(Enumerable.Repeat("\U0001F600", (FlipHistory.MaxUnreadableBytes - 64 - 1) / 4)));
        moved.Should().EndWith($"[cut by acmdr: {Encoding.UTF8.GetByteCount(text) - Encoding.UTF8.GetByteCount(kept)} more bytes]");
    }

    [TestMethod]
    public void A_flip_writes_the_new_trail_and_moves_a_damaged_one_aside()
    {
        FlipHistory.Annotations(FlipTrail.Empty, [Entry("f1")], "earlier").Select(a => $"{a.Key}={a.Value}").Should().Equal(
            $"acmdr.io/flip-history=[{Json(Entry("f1"))}]");

        FlipHistory.Annotations(FlipTrail.Parse("junk"), [Entry("f1")], "earlier").Select(a => $"{a.Key}={a.Value}").Should().Equal(
            $"acmdr.io/flip-history=[{Json(Entry("f1"))}]",
            "acmdr.io/flip-history-unreadable=junk\nearlier");
    }

    [TestMethod]
    public void The_report_reads_the_trail_newest_first_whatever_order_it_was_written_in()
    {
        var text = FlipHistory.Prepend(FlipTrail.Empty, [Entry("a", 1), Entry("b", 3), Entry("c", 2)]);

        var (entries, problem) = FlipHistory.Read(text);

        entries.Select(e => e.Id).Should().Equal("b", "c", "a");
        problem.Should().BeNull();
    }

    [TestMethod]
    public void The_report_says_what_was_wrong_with_a_damaged_trail_and_how_many_flips_it_used()
    {
        FlipHistory.Read($"[{Json(Entry("a"))},null]").Problem.Should().Be(
            "annotation acmdr.io/flip-history 1 of 2 entries cannot be read (entry 2: JSON null, not an object); 1 readable flip used");
        FlipHistory.Read($"[{Json(Entry("a"))},{Json(Entry("b"))},7]").Problem.Should().EndWith("; 2 readable flips used");
        FlipHistory.Read("{}").Problem.Should().Be("annotation acmdr.io/flip-history is JSON an object, not an array of flips; 0 readable flips used");
    }
}
