using System.Text;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>
/// Inventories as spreadsheets export them, written byte for byte: UTF-8 with and without a byte-order
/// mark, Excel's "Unicode Text" (UTF-16LE with a mark, tab-separated, CRLF), UTF-16 without a mark and
/// big-endian, ';'-separated, and rows of only separators below the data. Each is read, and stderr
/// says how when it is not plain UTF-8 with commas.
/// </summary>
[TestClass]
public sealed class SpreadsheetInventoryTests
{
    private const string Csv = Inventories.Header + "\nweb,1,web,web-0,c1,,\napi,2,api,api-0,c1,,web\n";

    private const string Valid = "apps.csv: valid: 2 VMs, 2 apps, 2 tiers, 1 cluster\n";

    private static readonly byte[] Utf16LeMark = [0xFF, 0xFE];

    private static readonly byte[] Utf16BeMark = [0xFE, 0xFF];

    private static string UnicodeText(string csv) => csv.Replace(',', '\t').ReplaceLineEndings("\r\n");

    public static IEnumerable<object[]> Files =>
    [
        ["UTF-8 without a mark", Encoding.UTF8.GetBytes(Csv), string.Empty],
        ["UTF-8 with a mark", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv)).ToArray(), string.Empty],
        ["Excel Unicode Text", Utf16LeMark.Concat(Encoding.Unicode.GetBytes(UnicodeText(Csv))).ToArray(), "acmdr: apps.csv: read as UTF-16LE, tab-separated\n"],
        ["UTF-16LE without a mark", Encoding.Unicode.GetBytes(Csv), "acmdr: apps.csv: read as UTF-16LE, comma-separated\n"],
        ["UTF-16BE with a mark", Utf16BeMark.Concat(Encoding.BigEndianUnicode.GetBytes(Csv)).ToArray(), "acmdr: apps.csv: read as UTF-16BE, comma-separated\n"],
        ["semicolons", Encoding.UTF8.GetBytes(Csv.Replace(',', ';')), "acmdr: apps.csv: read as UTF-8, semicolon-separated\n"],
        ["a row of commas below", Encoding.UTF8.GetBytes(Csv + ",,,,,,\r\n"), string.Empty],
        ["a row of semicolons below", Encoding.UTF8.GetBytes(Csv.Replace(',', ';') + ";;;;;;\n;;;;;;\n"), "acmdr: apps.csv: read as UTF-8, semicolon-separated\n"],
        ["Unicode Text with empty rows below", Utf16LeMark.Concat(Encoding.Unicode.GetBytes(UnicodeText(Csv + ",,,,,,\n"))).ToArray(), "acmdr: apps.csv: read as UTF-16LE, tab-separated\n"],
    ];

    [TestMethod]
    [DynamicData(nameof(Files))]
    public async Task A_spreadsheet_export_is_valid_and_stderr_says_how_it_was_read(string name, byte[] bytes, string note)
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("apps.csv"), bytes);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(0, $"{name}: {result}");
        result.Out.Should().Be(Valid, name);
        result.Err.Should().Be(note, name);
    }

    [TestMethod]
    public async Task Generate_from_Excel_Unicode_Text_writes_what_it_writes_from_UTF_8()
    {
        using var utf8 = new TempDir();
        using var utf16 = new TempDir();
        utf8.File("inventory/apps.csv", Inventories.Example);
        Directory.CreateDirectory(Path.Combine(utf16.Path, "inventory"));
        File.WriteAllBytes(utf16.File("inventory/apps.csv"), [.. Utf16LeMark, .. Encoding.Unicode.GetBytes(UnicodeText(Inventories.Example))]);

        (await CliRunner.RunAsync(utf8.Path, "generate")).ExitCode.Should().Be(0);
        var result = await CliRunner.RunAsync(utf16.Path, "generate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Be("acmdr: inventory/apps.csv: read as UTF-16LE, tab-separated\n");
        utf16.Snapshot().Where(f => f.Key != Path.Combine("inventory", "apps.csv"))
            .Should().Equal(utf8.Snapshot().Where(f => f.Key != Path.Combine("inventory", "apps.csv")));
    }

    [TestMethod]
    public async Task An_error_in_a_UTF_16_file_names_its_line_and_column_in_the_file()
    {
        using var dir = new TempDir();
        var csv = UnicodeText(Csv + "db,0,db,db-0,c1,,\n");
        File.WriteAllBytes(dir.File("apps.csv"), [.. Utf16LeMark, .. Encoding.Unicode.GetBytes(csv)]);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be("acmdr: apps.csv: read as UTF-16LE, tab-separated\napps.csv:4:2: column 'tier': '0' is not a whole number from 1 to 99\napps.csv: 1 error\n");
    }

    [TestMethod]
    public async Task A_lone_surrogate_in_UTF_16_is_refused_at_its_line_and_column()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("apps.csv"), [.. Utf16LeMark, .. Encoding.Unicode.GetBytes(Inventories.Header + "\nweb"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes(",1,web,web-0,c1,,\n")]);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be("acmdr: apps.csv:2:4: not valid UTF-16LE (a lone surrogate U+D800)\n");
    }

    [TestMethod]
    public async Task An_odd_number_of_bytes_is_not_UTF_16()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("apps.csv"), [.. Utf16LeMark, .. Encoding.Unicode.GetBytes(Csv), 0x41]);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        result.Err.Should().StartWith("acmdr: apps.csv: is not valid UTF-16LE: it has an odd number of bytes");
    }

    [TestMethod]
    public async Task A_binary_inventory_is_still_not_a_text_file()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("apps.csv"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be("acmdr: apps.csv: is not a text file (a NUL byte at byte 8); expected UTF-8 text\n");
    }

    [TestMethod]
    public async Task The_separator_option_reads_the_file_with_the_separator_given()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("apps.csv"), Encoding.UTF8.GetBytes(Csv.Replace(',', '|')));

        var given = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv", "--separator", "|");
        var wrong = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv", "--separator", ";");
        var unknown = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv", "--separator", "x");

        given.ExitCode.Should().Be(0, given.ToString());
        given.Err.Should().Be("acmdr: apps.csv: read as UTF-8, pipe-separated\n");
        wrong.ExitCode.Should().Be(2);
        wrong.Err.Should().Contain("apps.csv:1: the header splits into the required columns as pipe-separated, not as semicolon-separated as --separator says\n");
        unknown.ExitCode.Should().Be(2);
        unknown.Err.Should().StartWith("acmdr: --separator 'x' is not one of , ; tab |\n");
    }

    [TestMethod]
    public async Task A_semicolon_header_with_a_misspelt_column_names_that_column_and_the_separator_read()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("apps.csv"), Encoding.UTF8.GetBytes("app;tier;namespace;vm;clustr\nweb;1;web;web-0;c1\n"));

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        result.Err.Should().StartWith("acmdr: apps.csv: read as UTF-8, semicolon-separated\napps.csv:1:5: unknown column 'clustr': did you mean 'cluster'?\n");
    }
}
