using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

/// <summary>What reading an inventory file accepts and how it says what is wrong with one.</summary>
[TestClass]
public sealed class InventoryReadingTests
{
    private static IReadOnlyList<string> Errors(string csv) => Plans.Errors(csv);

    [TestMethod]
    public void A_row_becomes_a_VM_with_its_app_tier_rto_and_sorted_dependencies()
    {
        var inventory = Plans.Read("a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,\nweb,2,shop,web-0,c1,30, b ; a;b;\n");

        inventory.Source.Should().Be("apps.csv");
        inventory.Rows[2].Should().BeEquivalentTo(new InventoryRow(4, "web", 2, "shop", "web-0", "c1", 30, ["a", "b"]), o => o.WithStrictOrdering());
    }

    [TestMethod]
    public void The_optional_columns_may_be_left_out_of_the_header() =>
        InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes("app,tier,namespace,vm,cluster\nweb,1,shop,web-0,c1\n"), DrSettings.Default)
            .Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new InventoryRow(2, "web", 1, "shop", "web-0", "c1", null, []));

    [TestMethod]
    public void Column_names_are_read_without_case_and_surrounding_spaces() =>
        Errors("App , TIER,Namespace,VM,Cluster\nweb,1,shop,web-0,c1\n").Should().BeEmpty();

    [TestMethod]
    public void The_tier_and_the_rto_are_whole_numbers_within_their_range()
    {
        Errors(Plans.Header + "a,1,x,a-0,c1,1,\nb,99,x,b-0,c1,10080,\n").Should().BeEmpty();
        Errors(Plans.Header + "a,0,x,a-0,c1,,\nb,100,x,b-0,c1,,\nc,+1,x,c-0,c1,,\nd,1.0,x,d-0,c1,,\n").Should().Equal(
            "apps.csv:2:2: column 'tier': '0' is not a whole number from 1 to 99",
            "apps.csv:3:2: column 'tier': '100' is not a whole number from 1 to 99",
            "apps.csv:4:2: column 'tier': '+1' is not a whole number from 1 to 99",
            "apps.csv:5:2: column 'tier': '1.0' is not a whole number from 1 to 99");
        Errors(Plans.Header + "a,1,x,a-0,c1,0,\nb,1,x,b-0,c1,10081,\nc,1,x,c-0,c1,1h,\n").Should().Equal(
            "apps.csv:2:6: column 'rto_minutes': '0' is not a whole number of minutes from 1 to 10080",
            "apps.csv:3:6: column 'rto_minutes': '10081' is not a whole number of minutes from 1 to 10080",
            "apps.csv:4:6: column 'rto_minutes': '1h' is not a whole number of minutes from 1 to 10080");
    }

    [TestMethod]
    public void Names_must_be_DNS_1123_labels_and_are_refused_at_their_column()
    {
        const string Rule = "is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)";

        Errors("cluster,vm,namespace,tier,app\nC1,web_0,-x,1,Web\n").Should().Equal(
            $"apps.csv:2:1: column 'cluster': 'C1' {Rule}; did you mean 'c1'?",
            $"apps.csv:2:2: column 'vm': 'web_0' {Rule}; did you mean 'web-0'?",
            $"apps.csv:2:3: column 'namespace': '-x' {Rule}; did you mean 'x'?",
            $"apps.csv:2:5: column 'app': 'Web' {Rule}; did you mean 'web'?");
    }

    [TestMethod]
    [DataRow("DC-01", "dc-01")]
    [DataRow("dc_01", "dc-01")]
    [DataRow("dc.01", "dc-01")]
    [DataRow("Web Shop", "web-shop")]
    [DataRow("_x_", "x")]
    public void A_spreadsheet_style_name_is_refused_with_the_valid_name_it_most_likely_means(string name, string meant)
    {
        Errors($"app,tier,namespace,vm,cluster\nweb,1,shop,web-0,{name}\n").Should().Equal(
            $"apps.csv:2:5: column 'cluster': '{name}' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); did you mean '{meant}'?");
    }

    [TestMethod]
    [DataRow("***")]
    [DataRow("é")]
    public void A_name_with_no_valid_label_in_it_gets_no_guess(string name)
    {
        Errors($"app,tier,namespace,vm,cluster\nweb,1,shop,web-0,{name}\n").Should().Equal(
            $"apps.csv:2:5: column 'cluster': '{name}' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
    }

    [TestMethod]
    public void Empty_names_are_refused() =>
        Errors(Plans.Header + ",1,,web-0,,,\n").Should().Equal(
            "apps.csv:2:1: column 'app': is empty",
            "apps.csv:2:3: column 'namespace': is empty",
            "apps.csv:2:5: column 'cluster': is empty");

    [TestMethod]
    public void Template_delimiters_are_refused_in_every_column_so_no_value_becomes_template_code()
    {
        const string Reason = "value contains template delimiters ('{{' or '}}')";

        Errors(Plans.Header + "{{a}},{{1}},x}},web-0,c1,{{5}},{{db}}\n").Should().Equal(
            $"apps.csv:2:1: column 'app': {Reason}",
            $"apps.csv:2:2: column 'tier': {Reason}",
            $"apps.csv:2:3: column 'namespace': {Reason}",
            $"apps.csv:2:6: column 'rto_minutes': {Reason}",
            $"apps.csv:2:7: column 'depends_on': {Reason}");
    }

    [TestMethod]
    public void Control_characters_are_refused_naming_the_character() =>
        Errors(Plans.Header + "a\u0007,1,x,a-0,c1,,\n").Should().Equal("apps.csv:2:1: column 'app': value contains a control character (U+0007)");

    [TestMethod]
    public void Depends_on_names_apps_separated_by_semicolons() =>
        Errors(Plans.Header + "db,1,x,db-0,c1,,\nweb,2,x,web-0,c1,,db;Cache;\n").Should().Equal(
            "apps.csv:3:7: column 'depends_on': 'Cache' is not an app name (apps are DNS-1123 labels, separated by ';')");

    [TestMethod]
    public void Every_row_with_a_bad_depends_on_reports_it_on_its_own_line() =>
        Errors(Plans.Header + "web,2,x,web-0,c1,,Db\nweb,2,x,web-1,c1,,Db\n").Should().Equal(
            "apps.csv:2:7: column 'depends_on': 'Db' is not an app name (apps are DNS-1123 labels, separated by ';')",
            "apps.csv:3:7: column 'depends_on': 'Db' is not an app name (apps are DNS-1123 labels, separated by ';')");

    [TestMethod]
    public void Rows_repeating_the_same_depends_on_all_get_it() =>
        Plans.Read("db,1,x,db-0,c1,,\nweb,2,x,web-0,c1,,db\nweb,2,x,web-1,c1,,db\napi,2,x,api-0,c1,,\n").Rows
            .Select(r => string.Join(";", r.DependsOn)).Should().Equal("", "db", "db", "");

    [TestMethod]
    public void A_row_with_another_number_of_fields_than_the_header_is_refused()
    {
        Errors(Plans.Header + "web,1,x,web-0,c1\nweb,1,x,web-1,c1,,,\n").Should().Equal(
            "apps.csv:2: expected 7 fields as in the header, found 5",
            "apps.csv:3: expected 7 fields as in the header, found 8; if depends_on lists several apps, separate them with ';', not ','");
    }

    [TestMethod]
    public void Commas_in_depends_on_are_pointed_out_as_the_likely_cause_of_extra_fields()
    {
        Errors(Plans.Header + "db,1,x,db-0,c1,,\ncache,1,x,cache-0,c1,,\nweb,2,x,web-0,c1,,db,cache\n").Should().Equal(
            "apps.csv:4: expected 7 fields as in the header, found 8; if depends_on lists several apps, separate them with ';', not ','");
    }

    [TestMethod]
    public void Too_few_fields_get_no_depends_on_hint()
    {
        Errors(Plans.Header + "web,1,x,web-0,c1\n").Should().Equal("apps.csv:2: expected 7 fields as in the header, found 5");
    }

    [TestMethod]
    public void An_unknown_column_is_refused_with_the_nearest_known_name_or_the_list_of_them() =>
        Errors("app,tier,namespace,vm,cluster,Depends On,owner\n").Should().Equal(
            "apps.csv:1:6: unknown column 'Depends On': did you mean 'depends_on'?",
            "apps.csv:1:7: unknown column 'owner': known columns are app, tier, namespace, vm, cluster, rto_minutes, depends_on, peer");

    [TestMethod]
    public void A_column_given_twice_or_a_required_column_left_out_is_refused() =>
        Errors("app,tier,Tier,vm\n").Should().Equal(
            "apps.csv:1:3: column 'tier' appears twice in the header",
            "apps.csv:1: missing required column 'namespace'",
            "apps.csv:1: missing required column 'cluster'");

    [TestMethod]
    public void A_long_or_unprintable_header_name_is_shown_shortened_and_printable()
    {
        var name = new string('q', 90);

        Errors($"app,tier,namespace,vm,cluster,{name}\n").Should().Equal(
            $"apps.csv:1:6: unknown column '{new string('q', 80)}...': known columns are app, tier, namespace, vm, cluster, rto_minutes, depends_on, peer");
        Errors("app,tier,namespace,vm,cluster,o\u0001wner\n").Should().ContainSingle().Which.Should().Contain("unknown column 'o?wner'");
    }

    [TestMethod]
    public void An_empty_file_or_one_with_only_a_header_is_refused()
    {
        Errors("").Should().Equal("apps.csv: the inventory is empty: it needs a header line and at least one VM");
        Errors("\uFEFF\n").Should().Equal("apps.csv: the inventory is empty: it needs a header line and at least one VM");
        Errors("# only a comment\n\n" + Plans.Header + "# and another\n").Should().Equal("apps.csv: the inventory lists no VMs");
    }

    [TestMethod]
    public void A_malformed_quote_is_refused_with_its_line() =>
        Errors(Plans.Header + "web,1,x,web-0,c1,,\n\"web,1,x,web-1,c1,,\n").Should().ContainSingle()
            .Which.Should().StartWith("apps.csv:3: malformed CSV: ");

    [TestMethod]
    public void Checking_counts_every_error_and_the_records_but_keeps_only_as_many_as_asked()
    {
        var csv = Plans.Header + "A,1,x,a-0,c1,,\nB,1,x,b-0,c1,,\nC,1,x,c-0,c1,,\n";

        var check = InventoryReader.Check("apps.csv", Encoding.UTF8.GetBytes(csv), DrSettings.Default, maxErrors: 2);

        check.Inventory.Should().BeNull();
        check.ErrorCount.Should().Be(3);
        check.Errors.Select(e => e.Line).Should().Equal(2, 3);
        check.NotShown.Should().Be(1);
        check.Records.Should().Be(3);
    }

    [TestMethod]
    public void A_valid_inventory_checks_with_no_errors_and_its_record_count()
    {
        var check = InventoryReader.Check("apps.csv", Encoding.UTF8.GetBytes(Plans.Header + "a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,\n"), DrSettings.Default);

        check.Inventory!.Rows.Should().HaveCount(2);
        check.Errors.Should().BeEmpty();
        check.ErrorCount.Should().Be(0);
        check.NotShown.Should().Be(0);
        check.Records.Should().Be(2);
    }

    [TestMethod]
    public void Reading_an_invalid_inventory_throws_naming_the_first_error_and_how_many_more_there_are()
    {
        var read = () => InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Plans.Header + "A,1,x,a-0,c1,,\nB,1,x,b-0,c1,,\n"), DrSettings.Default);

        var refusal = read.Should().Throw<InvalidInventoryException>().Which;
        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Errors.Should().HaveCount(2);
        refusal.Message.Should().Be(
            "apps.csv:2:1: column 'app': 'A' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); did you mean 'a'? (and 1 more; 'acmdr validate' lists them)");
    }

    [TestMethod]
    public void A_single_error_is_the_whole_message()
    {
        var error = new InventoryError("settings.yaml", 3, null, "bad");

        new InvalidInventoryException([error]).Message.Should().Be("settings.yaml:3: bad");
    }

    [TestMethod]
    public void An_error_is_located_by_file_line_and_column_when_known()
    {
        new InventoryError("apps.csv", 4, 2, "m").ToString().Should().Be("apps.csv:4:2: m");
        new InventoryError("apps.csv", 4, null, "m").ToString().Should().Be("apps.csv:4: m");
        new InventoryError("apps.csv", 1, null, "m").ToString().Should().Be("apps.csv:1: m");
        new InventoryError("apps.csv", 0, 3, "m").ToString().Should().Be("apps.csv: m");
    }
}
