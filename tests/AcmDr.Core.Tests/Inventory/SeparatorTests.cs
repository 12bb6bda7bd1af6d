using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

/// <summary>How the inventory's separator is found from its header, and rows of only separators.</summary>
[TestClass]
public sealed class SeparatorTests
{
    private const string Rows = "web,1,web,web-0,c1,,\napi,2,api,api-0,c1,,web\n";

    private static SeparatorGuess Detect(string csv) => CsvSeparator.Detect(Encoding.UTF8.GetBytes(csv));

    private static IReadOnlyList<string> Errors(string csv, char? separator) =>
        [.. InventoryReader.Check("apps.csv", Encoding.UTF8.GetBytes(csv), DrSettings.Default, separator: separator).Errors.Select(e => e.ToString())];

    [TestMethod]
    [DataRow(",")]
    [DataRow(";")]
    [DataRow("\t")]
    [DataRow("|")]
    public void The_separator_that_splits_the_header_into_the_required_columns_is_found(string separator)
    {
        var csv = (Plans.Header + Rows).Replace(",", separator);

        Detect(csv).Should().Be(new SeparatorGuess(separator[0], Fits: true, OthersInHeader: false));
        InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(csv), DrSettings.Default).Rows.Should().HaveCount(2);
    }

    [TestMethod]
    public void Quotes_comments_and_a_byte_order_mark_before_the_header_are_respected()
    {
        Detect("\uFEFF# exported\n\n\"app\";\"tier;x\";namespace;vm;cluster\n").Separator.Should().Be(';');
        Detect("\"a;b\",app,tier,namespace,vm,cluster\n").Should().Be(new SeparatorGuess(',', Fits: true, OthersInHeader: false));
    }

    [TestMethod]
    public void A_header_no_separator_fits_is_read_with_the_likeliest_and_says_so()
    {
        Errors("app;tier;namespace;vm;clustr\nweb;1;web;web-0;c1\n", separator: null).Should().Equal(
            "apps.csv:1:5: unknown column 'clustr': did you mean 'cluster'?",
            "apps.csv:1: missing required column 'cluster'",
            "apps.csv:1: no separator among ',' ';' tab '|' splits the header into the required columns; read as semicolon-separated, the likeliest (--separator chooses another)");
    }

    [TestMethod]
    public void A_comma_header_with_a_misspelt_column_keeps_todays_errors_without_a_hint() =>
        Errors("ap,tier,namespace,vm,cluster\nweb,1,web,web-0,c1\n", separator: null).Should().Equal(
            "apps.csv:1:1: unknown column 'ap': did you mean 'app'?",
            "apps.csv:1: missing required column 'app'");

    [TestMethod]
    public void A_given_separator_that_does_not_fit_is_named_beside_the_one_that_does()
    {
        var errors = Errors((Plans.Header + Rows).Replace(',', ';'), separator: '\t');

        errors.Should().HaveCount(7);
        errors[^1].Should().Be("apps.csv:1: the header splits into the required columns as semicolon-separated, not as tab-separated as --separator says");
    }

    [TestMethod]
    public void A_given_separator_is_used_without_looking_at_the_header() =>
        InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes((Plans.Header + Rows).Replace(',', '|')), DrSettings.Default, '|').Rows.Should().HaveCount(2);

    [TestMethod]
    [DataRow(",,,,,,")]
    [DataRow(" , , ,")]
    [DataRow(";;;;;;")]
    [DataRow("   ")]
    [DataRow("\"\",\"\"")]
    public void A_row_of_only_separators_and_spaces_is_a_blank_line(string blank)
    {
        var separator = blank.Contains(';') ? ';' : ',';
        var csv = (Plans.Header + Rows).Replace(',', separator) + blank + "\r\n" + blank + "\n";

        var check = InventoryReader.Check("apps.csv", Encoding.UTF8.GetBytes(csv), DrSettings.Default);

        check.Errors.Should().BeEmpty();
        check.Records.Should().Be(2);
    }

    [TestMethod]
    public void Line_numbers_after_a_blank_row_stay_those_of_the_file() =>
        Errors(Plans.Header + ",,,,,,\nweb,0,web,web-0,c1,,\n", separator: null).Should().Equal(
            "apps.csv:3:2: column 'tier': '0' is not a whole number from 1 to 99");

    [TestMethod]
    [DataRow(",", ',')]
    [DataRow("semicolon", ';')]
    [DataRow("tab", '\t')]
    [DataRow("|", '|')]
    public void A_separator_is_named_by_its_character_or_its_name(string text, char separator) =>
        CsvSeparator.Parse(text).Should().Be(separator);

    [TestMethod]
    public void An_unknown_separator_name_is_not_a_separator() => CsvSeparator.Parse("x").Should().BeNull();
}
