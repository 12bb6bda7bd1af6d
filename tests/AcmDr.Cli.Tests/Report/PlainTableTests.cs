using AcmDr.Cli.Report;
using FluentAssertions;
using Spectre.Console;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The fast plain table must lay out byte for byte as Spectre.Console does, or decline.</summary>
[TestClass]
public sealed class PlainTableTests
{
    private static readonly string[] Words = ["a", "vm", "db-0", "virtualmachineinstances", "[web-0,", "found", "as", "specified", "namespace", "finance", "x", "Pending;", "waiting"];

    [TestMethod]
    public void Random_tables_match_spectre_or_are_declined()
    {
        var random = new Random(42);
        var matched = 0;
        for (var round = 0; round < 400; round++)
        {
            var columns = random.Next(1, 10);
            var headers = Enumerable.Range(0, columns).Select(c => "Col" + new string('h', random.Next(0, 6))).ToArray();
            var rows = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => Enumerable.Range(0, columns).Select(_ => Cell(random)).ToArray())
                .ToList();
            var width = random.Next(30, 220);

            using var plain = new StringWriter { NewLine = "\n" };
            if (!PlainTable.TryWrite(plain, "Title", headers, rows, width))
            {
                continue;
            }

            Spectre(headers, rows, width).Should().Be(plain.ToString(), $"round {round}, width {width}");
            matched++;
        }

        matched.Should().BeGreaterThan(150, "most random tables are plain enough for the fast path");
    }

    [TestMethod]
    public void Non_ascii_or_overlong_words_are_left_to_spectre()
    {
        using var writer = new StringWriter();
        PlainTable.TryWrite(writer, "T", ["A"], [["héllo"]], 200).Should().BeFalse();
        PlainTable.TryWrite(writer, "T", ["A", "B"], [[new string('x', 150), new string('y', 150)]], 100).Should().BeFalse();
        PlainTable.TryWrite(writer, "T", ["A"], [], 200).Should().BeFalse();
        writer.ToString().Should().BeEmpty();
    }

    private static string Cell(Random random)
    {
        var count = random.Next(0, random.Next(2) == 0 ? 3 : 30);
        var words = Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]);
        return string.Join(random.Next(6) == 0 ? "  " : " ", words);
    }

    private static string Spectre(string[] headers, List<string[]> rows, int width) => PlainSpectre.Render(width, console =>
    {
        var table = new Table().Title("Title").AddColumns(headers);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => new Text(c)).ToArray());
        }

        console.Write(table);
    });
}
