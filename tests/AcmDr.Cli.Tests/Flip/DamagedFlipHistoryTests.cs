using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>
/// A damaged audit trail on the hub neither blocks a failover nor disappears: the flip goes on, the
/// unreadable text is moved aside verbatim, readable entries stay as they were, and one warning says so.
/// </summary>
[TestClass]
public sealed class DamagedFlipHistoryTests
{
    private const string History = "acmdr.io/flip-history";
    private const string Unreadable = "acmdr.io/flip-history-unreadable";
    private const string SwitchPath = "/api/v1/namespaces/acmdr/configmaps/acmdr-sites";
    internal const string Good = """{"id":"0a","at":"2026-11-25T19:00:00Z","user":"bob","from":"Primary","to":"DR","scope":"site","reason":"drill"}""";
    private const string Older = """{"id":"0b","at":"2026-11-24T08:00:00Z","user":"carol","from":"DR","to":"Primary","scope":"site"}""";

    /// <summary>Damaged annotations by name; the tests take the name, so no test is named after 100 KB of text.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Cases = new (string Name, string Text)[]
    {
        ("not JSON", "flipped to DR by bob, see ticket 42"),
        ("truncated JSON", "[" + Good[..40]),
        ("an object", Good),
        ("null", "null"),
        ("a string", "\"flipped\""),
        ("a number", "42"),
        ("true", "true"),
        ("array holding null", "[null]"),
        ("array of strings", """["flip one","flip two"]"""),
        ("array of numbers", "[1,2,3]"),
        ("array of arrays", "[[],[1]]"),
        ("entry without at", """[{"id":"x","user":"bob","from":"Primary","to":"DR","scope":"site"}]"""),
        ("entry with null fields", """[{"id":null,"at":null,"user":null,"from":null,"to":null,"scope":null,"reason":null}]"""),
        ("at a number", """[{"id":"x","at":1764097200,"user":"bob","from":"Primary","to":"DR","scope":"site"}]"""),
        ("at not a time", """[{"id":"x","at":"yesterday","user":"bob","from":"Primary","to":"DR","scope":"site"}]"""),
        ("user an object", """[{"id":"x","at":"2026-11-25T19:00:00Z","user":{"name":"bob"},"from":"Primary","to":"DR","scope":"site"}]"""),
        ("reason a number", """[{"id":"x","at":"2026-11-25T19:00:00Z","user":"bob","from":"Primary","to":"DR","scope":"site","reason":7}]"""),
        ("good and bad entries", $"[{Good},null,\"text\",{{\"at\":5}},{Older}]"),
        ("deep nesting", new string('[', 500) + new string(']', 500)),
        ("terminal escapes", "\u001b[2J\u001b]0;pwned\u0007 not JSON"),
        ("100 KB of text", new string('x', 100 * 1024)),
    }.ToDictionary(c => c.Name, c => c.Text, StringComparer.Ordinal);

    public static IEnumerable<object[]> Damaged() => Cases.Keys.Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(Damaged))]
    public async Task A_damaged_trail_is_kept_warned_about_and_the_flip_goes_on(string name)
    {
        var old = Cases[name];
        await using var hub = await FakeHub.StartAsync();
        SetAnnotations(hub, (History, old));

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--reason", "failover");

        result.ExitCode.Should().Be(0, $"{name}: {result}");
        hub.Data("site").Should().Be("DR", name);
        var warning = result.Err.TrimEnd('\n').Split('\n');
        warning.Should().ContainSingle($"{name}: one warning line: {result}");
        warning[0].Should().StartWith("acmdr: warning: annotation acmdr.io/flip-history").And.Contain(Unreadable).And.NotContain("\u001b");
        var trail = Annotation(hub, History)!;
        using (var parsed = JsonDocument.Parse(trail))
        {
            parsed.RootElement[0].GetProperty("to").GetString().Should().Be("DR", $"{name}: the new trail starts with this flip");
            parsed.RootElement[0].GetProperty("reason").GetString().Should().Be("failover");
        }

        AssertPreserved(old, trail, Annotation(hub, Unreadable)!, name);
        AnnotationBytes(hub).Should().BeLessThan(80 * 1024, name);
    }

    [TestMethod]
    public async Task Readable_entries_stay_in_the_trail_as_they_were_and_the_report_uses_them()
    {
        await using var hub = await FakeHub.StartAsync();
        var old = $"[{Good},null,{Older}]";
        SetAnnotations(hub, (History, old));

        (await hub.AcmdrAsync("flip", "--to", "DR", "--tier", "2")).ExitCode.Should().Be(0);

        var trail = Annotation(hub, History)!;
        trail.Should().EndWith($",{Good},{Older}]", "readable entries are kept byte for byte, in their order");
        Annotation(hub, Unreadable).Should().Be("[null]");
    }

    [TestMethod]
    public async Task Text_moved_aside_earlier_is_kept_behind_the_newly_moved_text()
    {
        await using var hub = await FakeHub.StartAsync();
        SetAnnotations(hub, (History, "second damage"), (Unreadable, "first damage"));

        (await hub.AcmdrAsync("flip", "--to", "DR")).ExitCode.Should().Be(0);
        Annotation(hub, Unreadable).Should().Be("second damage\nfirst damage");

        var clean = await hub.AcmdrAsync("flip", "--to", "Primary");
        clean.ExitCode.Should().Be(0);
        clean.Err.Should().BeEmpty("a readable trail gives no warning");
        Annotation(hub, Unreadable).Should().Be("second damage\nfirst damage", "a clean flip leaves what was moved aside alone");
    }

    [TestMethod]
    public async Task A_lost_answer_is_recognised_after_a_damaged_trail_and_nothing_is_moved_twice()
    {
        await using var hub = await FakeHub.StartAsync();
        SetAnnotations(hub, (History, "[null, \"x\"]"));
        hub.Server.Faults.Add(FaultRule.DropAfter("PATCH", SwitchPath));

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("the write was applied although its answer was lost");
        hub.Data("site").Should().Be("DR");
        using var trail = JsonDocument.Parse(Annotation(hub, History)!);
        trail.RootElement.GetArrayLength().Should().Be(1);
        Annotation(hub, Unreadable).Should().Be("[null,\"x\"]");
    }

    [TestMethod]
    public async Task The_trail_stays_under_its_size_bound_keeping_the_newest()
    {
        await using var hub = await FakeHub.StartAsync();
        // 20 entries with 1,024-character reasons of two-byte characters: 42 KB, over the 32 KB bound.
        var reason = new string('é', 1024);
        var entries = Enumerable.Range(0, 20).Select(i =>
            $$"""{"id":"old{{i}}","at":"2026-11-{{10 + i}}T08:00:00Z","user":"bob","from":"Primary","to":"DR","scope":"site","reason":"{{reason}}"}""");
        SetAnnotations(hub, (History, $"[{string.Join(",", entries)}]"));

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--reason", new string('r', 1024));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().BeEmpty();
        var trail = Annotation(hub, History)!;
        Encoding.UTF8.GetByteCount(trail).Should().BeLessThanOrEqualTo(32 * 1024);
        using var parsed = JsonDocument.Parse(trail);
        parsed.RootElement[0].GetProperty("reason").GetString().Should().HaveLength(1024);
        parsed.RootElement[1].GetProperty("id").GetString().Should().Be("old0", "the oldest are dropped, the newest kept");
    }

    [TestMethod]
    public async Task A_100_KB_reason_is_refused_before_the_hub_is_asked()
    {
        await using var hub = await FakeHub.StartAsync();
        var before = hub.Switch.ToJsonString();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--reason", new string('x', 100 * 1024));

        result.ExitCode.Should().Be(2);
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle().Which.Should().Contain("--reason").And.Contain("1024");
        hub.Server.Requests.Entries.Should().BeEmpty();
        hub.Switch.ToJsonString().Should().Be(before);
    }

    [TestMethod]
    [DataRow("line one\nline two")]
    [DataRow("red \u001b[31malert\u001b[0m")]
    [DataRow("tab\there")]
    public async Task A_reason_with_control_characters_is_refused(string reason)
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--reason", reason);

        result.ExitCode.Should().Be(2);
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle().Which.Should().Contain("control character").And.NotContain("\u001b");
        hub.Server.Requests.Entries.Should().BeEmpty();
        (await CliRunner.RunAsync(hub.Dir.Path, "flip", "--in-git", "--to", "DR", "--reason", reason)).ExitCode.Should().Be(2);
    }

    [TestMethod]
    public async Task Values_on_the_hub_switch_reach_the_terminal_without_escapes()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", cm => cm["data"]!["tier-2"] = "\u001b]0;pwned\u0007\u001b[2JDR");

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--tier", "2");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("tier-2: DR -> Primary").And.NotContain("\u001b").And.NotContain("\u0007");
    }

    /// <summary>Whatever the old text held is still on the object: verbatim moved aside, or (a readable entry) verbatim in the trail.</summary>
    private static void AssertPreserved(string old, string trail, string unreadable, string name)
    {
        JsonElement? root = null;
        try
        {
            using var document = JsonDocument.Parse(old);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }

        if (root is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var element in array.EnumerateArray())
            {
                (trail + unreadable).Should().Contain(element.GetRawText(), name);
            }
        }
        else if (Encoding.UTF8.GetByteCount(old) <= 32 * 1024)
        {
            unreadable.Should().Be(old, name);
        }
        else
        {
            unreadable.Should().StartWith(old[..(30 * 1024)], $"{name}: the beginning is kept").And.EndWith("more bytes]");
            Encoding.UTF8.GetByteCount(unreadable).Should().BeLessThanOrEqualTo(32 * 1024);
        }
    }

    private static void SetAnnotations(FakeHub hub, params (string Key, string Value)[] annotations) =>
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", cm =>
        {
            var notes = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                notes[key] = value;
            }

            cm["metadata"]!["annotations"] = notes;
        });

    private static string? Annotation(FakeHub hub, string key) => hub.Switch["metadata"]?["annotations"]?[key]?.GetValue<string>();

    private static int AnnotationBytes(FakeHub hub) =>
        hub.Switch["metadata"]!["annotations"]!.AsObject().Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value!.GetValue<string>()));
}
