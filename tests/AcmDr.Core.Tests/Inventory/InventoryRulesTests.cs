using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

/// <summary>The rules across rows an inventory must follow, each refused with file:line and a reason.</summary>
[TestClass]
public sealed class InventoryRulesTests
{
    private static IReadOnlyList<string> Errors(string rows) => Plans.RowErrors(rows);

    [TestMethod]
    public void A_VM_listed_twice_is_refused_on_the_second_line_naming_the_first() =>
        Errors("web,1,shop,web-0,c1,,\nweb,1,shop,web-1,c1,,\nweb,1,shop,web-0,c2,,\n").Should().Equal(
            "apps.csv:4: VM shop/web-0 is listed twice (first on line 2)");

    [TestMethod]
    public void The_same_VM_name_in_two_namespaces_is_two_VMs() =>
        Errors("web,1,shop,web-0,c1,,\nweb,1,shop-2,web-0,c1,,\n").Should().BeEmpty();

    [TestMethod]
    public void All_rows_of_an_app_must_agree_on_the_tier() =>
        Errors("web,1,shop,web-0,c1,,\nweb,2,shop,web-1,c1,,\n").Should().Equal(
            "apps.csv:3: app 'web' has tier 2 here but tier 1 on line 2: all rows of an app must agree");

    [TestMethod]
    public void All_rows_of_an_app_must_agree_on_the_rto() =>
        Errors("web,1,shop,web-0,c1,30,\nweb,1,shop,web-1,c1,,\nweb,1,shop,web-2,c1,45,\n").Should().Equal(
            "apps.csv:3: app 'web' has rto_minutes (empty) here but 30 on line 2: all rows of an app must agree",
            "apps.csv:4: app 'web' has rto_minutes 45 here but 30 on line 2: all rows of an app must agree");

    [TestMethod]
    public void One_edited_row_of_an_app_is_blamed_not_the_rows_that_still_agree() =>
        Errors("web,2,shop,web-0,c1,,\nweb,1,shop,web-1,c1,,\nweb,1,shop,web-2,c1,,\nweb,1,shop,web-3,c1,,\n").Should().Equal(
            "apps.csv:2: app 'web' has tier 2 here but tier 1 on line 3: all rows of an app must agree");

    [TestMethod]
    public void A_tier_typo_is_one_error_on_its_row_not_also_an_unknown_app_for_its_dependants() =>
        Errors("db,two,shop,db-0,c1,,\nweb,2,shop,web-0,c1,,db\n").Should().Equal(
            "apps.csv:2:2: column 'tier': 'two' is not a whole number from 1 to 99");

    [TestMethod]
    public void A_dependency_on_an_app_no_row_names_is_still_unknown_when_other_rows_fail() =>
        Errors("db,two,shop,db-0,c1,,\nweb,2,shop,web-0,c1,,cache\n").Should().Equal(
            "apps.csv:2:2: column 'tier': 'two' is not a whole number from 1 to 99",
            "apps.csv:3: app 'web' depends on unknown app 'cache'");

    [TestMethod]
    public void An_app_depending_on_itself_is_refused() =>
        Errors("web,1,shop,web-0,c1,,web\n").Should().Equal(
            "apps.csv:2: app 'web' depends on itself",
            "apps.csv:2: dependency cycle: web -> web");

    [TestMethod]
    public void An_app_depending_on_an_unknown_app_is_refused_once_on_the_line_that_first_names_it() =>
        Errors("web,1,shop,web-0,c1,,\nweb,1,shop,web-1,c1,,cache\nweb,1,shop,web-2,c1,,cache\n").Should().Equal(
            "apps.csv:3: app 'web' depends on unknown app 'cache'");

    [TestMethod]
    public void An_app_depending_on_a_later_tier_is_refused_since_neither_would_ever_move() =>
        Errors("db,2,shop,db-0,c1,,\nweb,1,shop,web-0,c1,,db\n").Should().Equal(
            "apps.csv:3: app 'web' (tier 1) depends on 'db' in later tier 2: tier 2 waits for tier 1, so neither would ever move");

    [TestMethod]
    public void An_app_may_depend_on_an_app_of_its_own_or_an_earlier_tier() =>
        Errors("db,1,shop,db-0,c1,,\ncache,2,shop,cache-0,c1,,db\nweb,2,shop,web-0,c1,,cache;db\n").Should().BeEmpty();

    [TestMethod]
    public void A_dependency_must_have_a_VM_on_every_cluster_of_the_app_that_waits_for_it() =>
        Errors("db,1,shop,db-0,c1,,\nweb,2,shop,web-0,c1,,db\nweb,2,shop,web-1,c2,,\n").Should().Equal(
            "apps.csv:3: app 'web' depends on 'db', which has no VM on cluster 'c2': ACM checks dependencies on each cluster, so 'web' would wait there forever");

    [TestMethod]
    public void A_dependency_on_more_clusters_than_the_app_is_fine() =>
        Errors("db,1,shop,db-0,c1,,\ndb,1,shop,db-1,c2,,\nweb,2,shop,web-0,c2,,db\n").Should().BeEmpty();

    [TestMethod]
    public void A_dependency_cycle_is_refused_naming_every_app_of_it_on_the_line_of_its_first_app() =>
        Errors("a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,c\nc,1,x,c-0,c1,,d\nd,1,x,d-0,c1,,b\n").Should().Equal(
            "apps.csv:3: dependency cycle: b -> c -> d -> b");

    [TestMethod]
    public void A_dependency_chain_without_a_cycle_is_fine() =>
        Errors("a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,a\nc,1,x,c-0,c1,,a;b\nd,1,x,d-0,c1,,c;b\n").Should().BeEmpty();

    [TestMethod]
    public void An_unknown_dependency_is_reported_once_and_not_as_a_cycle() =>
        Errors("a,1,x,a-0,c1,,ghost\n").Should().Equal("apps.csv:2: app 'a' depends on unknown app 'ghost'");

    [TestMethod]
    public void A_policy_name_whose_replicated_name_fits_in_63_characters_is_accepted()
    {
        // "acmdr." + "dr-" + 54 characters = 63.
        var app = new string('a', 54);

        Errors($"{app},1,x,a-0,c1,,\n").Should().BeEmpty();
    }

    [TestMethod]
    public void A_policy_name_whose_replicated_name_is_longer_than_63_characters_is_refused()
    {
        var app = new string('a', 55);

        Errors($"{app},1,x,a-0,c1,,\n").Should().Equal(
            $"apps.csv:2: app '{app}' makes policy 'dr-{app}', whose replicated name 'acmdr.dr-{app}' is longer than 63 characters: shorten the app or cluster name");
    }

    [TestMethod]
    public void The_hub_namespace_and_the_cluster_name_count_in_the_replicated_name()
    {
        var settings = DrSettings.Default with { HubNamespace = "dr-resources" };
        var app = new string('a', 45);

        Plans.RowErrors($"{app},1,x,a-0,c1,,\n", settings).Should().BeEmpty("dr-resources.dr- and 45 make 61");
        Plans.RowErrors($"{app},1,x,a-0,c1,,\n{app},1,x,a-1,c2,,\n", settings).Should().Equal(
            $"apps.csv:2: app '{app}' makes policy 'dr-{app}-c1', whose replicated name 'dr-resources.dr-{app}-c1' is longer than 63 characters: shorten the app or cluster name",
            $"apps.csv:2: app '{app}' makes policy 'dr-{app}-c2', whose replicated name 'dr-resources.dr-{app}-c2' is longer than 63 characters: shorten the app or cluster name");
    }

    [TestMethod]
    public void Two_apps_that_would_make_the_same_policy_are_refused() =>
        Errors("web,1,x,web-0,c1,,\nweb,1,x,web-1,c2,,\nweb-c1,1,x,w-0,c3,,\n").Should().Equal(
            "apps.csv:4: app 'web-c1' on cluster 'c3' and app 'web' on cluster 'c1' would both make policy 'dr-web-c1': rename one app");

    [TestMethod]
    public void Rules_across_rows_run_on_the_rows_that_parsed_so_every_mistake_shows_at_once() =>
        Errors("web,x,shop,web-0,c1,,\nweb,1,shop,web-1,c1,,\nweb,1,shop,web-1,c1,,\n").Should().Equal(
            "apps.csv:2:2: column 'tier': 'x' is not a whole number from 1 to 99",
            "apps.csv:4: VM shop/web-1 is listed twice (first on line 3)");
}
