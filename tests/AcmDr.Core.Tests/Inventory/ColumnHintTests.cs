using AcmDr.Core.Inventory;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

/// <summary>How a misspelt or broken header is reported.</summary>
[TestClass]
public sealed class ColumnHintTests
{
    [TestMethod]
    [DataRow("Rto Minutes", "rto_minutes")]
    [DataRow("depends-on", "depends_on")]
    [DataRow("namespaces", "namespace")]
    [DataRow("clster", "cluster")]
    [DataRow("tire", "tier")]
    [DataRow("vmxx", "vm")]
    [DataRow("tie", "tier")]
    [DataRow("apm", "app")]
    [DataRow("x", "vm")]
    public void A_misspelt_column_is_matched_to_the_nearest_known_one(string name, string nearest) =>
        InventoryColumns.Nearest(name).Should().Be(nearest);

    [TestMethod]
    public void Between_two_equally_near_columns_the_first_in_alphabetical_order_is_suggested() =>
        InventoryColumns.Nearest("ab").Should().Be("app", "'ab' is two edits from both 'app' and 'vm'");

    [TestMethod]
    [DataRow("vmxxx")]
    [DataRow("rto")]
    [DataRow("owner")]
    [DataRow("description")]
    public void A_name_too_far_from_every_column_gets_no_suggestion(string name) =>
        InventoryColumns.Nearest(name).Should().BeNull();

    [TestMethod]
    public void A_header_with_errors_stops_the_reading_so_rows_are_not_checked_against_it() =>
        Plans.Errors("app,tier,vm,cluster\nweb,1,web-0,c1\n").Should().Equal("apps.csv:1: missing required column 'namespace'");

    [TestMethod]
    public void An_unknown_column_stops_the_reading_too() =>
        Plans.Errors("app,tier,namespace,vm,cluster,owner\nWEB,1,x,web-0,c1,me\n").Should().ContainSingle()
            .Which.Should().StartWith("apps.csv:1:6: unknown column 'owner'");

    [TestMethod]
    public void A_header_name_of_80_characters_is_shown_whole()
    {
        var name = new string('q', 80);

        Plans.Errors($"app,tier,namespace,vm,cluster,{name}\n").Should().ContainSingle().Which.Should().Contain($"unknown column '{name}':");
    }

    [TestMethod]
    public void Spaces_around_fields_are_ignored() =>
        Plans.Read(" web , 1 , shop , web-0 , c1 , 30 , \n").Rows.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new InventoryRow(2, "web", 1, "shop", "web-0", "c1", 30, []));

    [TestMethod]
    public void Dependencies_are_kept_once_and_sorted() =>
        Plans.Read("a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,\nweb,2,x,web-0,c1,,b;a;b\n").Rows[2].DependsOn.Should().Equal("a", "b");

    [TestMethod]
    public void A_quoted_field_over_two_lines_keeps_the_line_numbers_of_later_rows() =>
        Plans.Errors(Plans.Header + "web,1,x,web-0,c1,,\"a;\nb\"\nWEB,1,x,w-1,c1,,\n").Should().Equal(
            "apps.csv:2:7: column 'depends_on': value contains a control character (U+000A)",
            "apps.csv:4:1: column 'app': 'WEB' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); did you mean 'web'?");

    [TestMethod]
    public void A_malformed_CSV_error_is_one_line_of_at_most_200_characters()
    {
        var error = Plans.Errors(Plans.Header + "web,1,x,web-0,c1,,\n\"web,1,x,web-1,c1,,\n").Should().ContainSingle().Which;

        error.Should().NotContain("\n");
        error.Length.Should().BeLessThanOrEqualTo("apps.csv:3: malformed CSV: ".Length + 200);
    }

    [TestMethod]
    public void A_blank_first_name_in_a_longer_header_is_an_unknown_column_not_an_empty_file() =>
        Plans.Errors(",app,tier,namespace,vm,cluster\n").Should().ContainSingle().Which.Should().StartWith("apps.csv:1:1: unknown column '':");

    [TestMethod]
    public void A_header_of_one_blank_name_counts_as_an_empty_inventory() =>
        Plans.Errors("\"\"\nweb\n").Should().Equal("apps.csv: the inventory is empty: it needs a header line and at least one VM");
}
