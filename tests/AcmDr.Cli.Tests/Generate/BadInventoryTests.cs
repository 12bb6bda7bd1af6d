using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>
/// A corpus of broken inventories. Each must give its own clear message naming the file and line,
/// exit 2, and leave a previously generated output exactly as it was.
/// </summary>
[TestClass]
public sealed class BadInventoryTests
{
    private const string H = Inventories.Header;

    public static IEnumerable<object[]> Corpus =>
    [
        ["unknown column", "ap,tier,namespace,vm,cluster\nweb,1,web,web-0,c1\n", "apps.csv:1:1: unknown column 'ap': did you mean 'app'?"],
        ["misspelt optional column", "app,tier,namespace,vm,cluster,rto_minute\nweb,1,web,web-0,c1,5\n", "unknown column 'rto_minute': did you mean 'rto_minutes'?"],
        ["missing column", "app,tier,namespace,cluster\nweb,1,web,c1\n", "apps.csv:1: missing required column 'vm'"],
        ["duplicate column", "app,tier,namespace,vm,cluster,app\nweb,1,web,web-0,c1,web\n", "apps.csv:1:6: column 'app' appears twice"],
        ["upper-case app", H + "\nWeb,1,web,web-0,c1,,\n", "apps.csv:2:1: column 'app': 'Web' is not a DNS-1123 label"],
        ["underscore namespace", H + "\nweb,1,web_ns,web-0,c1,,\n", "apps.csv:2:3: column 'namespace': 'web_ns' is not a DNS-1123 label"],
        ["vm name too long", H + "\nweb,1,web," + new string('a', 64) + ",c1,,\n", "apps.csv:2:4: column 'vm'"],
        ["empty cluster", H + "\nweb,1,web,web-0,,,\n", "apps.csv:2:5: column 'cluster': is empty"],
        ["tier zero", H + "\nweb,0,web,web-0,c1,,\n", "apps.csv:2:2: column 'tier': '0' is not a whole number from 1 to 99"],
        ["tier 100", H + "\nweb,100,web,web-0,c1,,\n", "column 'tier': '100' is not a whole number from 1 to 99"],
        ["tier word", H + "\nweb,two,web,web-0,c1,,\n", "column 'tier': 'two' is not a whole number"],
        ["tier fraction", H + "\nweb,1.5,web,web-0,c1,,\n", "column 'tier': '1.5' is not a whole number"],
        ["duplicate vm", H + "\nweb,1,web,web-0,c1,,\napi,1,web,web-0,c1,,\n", "apps.csv:3: VM web/web-0 is listed twice (first on line 2)"],
        ["app tiers disagree", H + "\nweb,1,web,web-0,c1,,\nweb,2,web,web-1,c1,,\n", "apps.csv:3: app 'web' has tier 2 here but tier 1 on line 2"],
        ["app rto disagree", H + "\nweb,1,web,web-0,c1,10,\nweb,1,web,web-1,c1,20,\n", "app 'web' has rto_minutes 20 here but 10 on line 2"],
        ["rto word", H + "\nweb,1,web,web-0,c1,soon,\n", "apps.csv:2:6: column 'rto_minutes': 'soon' is not a whole number of minutes"],
        ["unknown dependency", H + "\nweb,1,web,web-0,c1,,nope\n", "apps.csv:2: app 'web' depends on unknown app 'nope'"],
        ["self dependency", H + "\nweb,1,web,web-0,c1,,web\n", "app 'web' depends on itself"],
        ["dependency cycle", H + "\na,1,x,a-0,c1,,b\nb,1,x,b-0,c1,,c\nc,1,x,c-0,c1,,a\n", "dependency cycle: a -> b -> c -> a"],
        ["dependency on a later tier", H + "\ndb,2,x,db-0,c1,,\nweb,1,x,web-0,c1,,db\n", "app 'web' (tier 1) depends on 'db' in later tier 2"],
        ["dependency on another cluster", H + "\ndb,1,x,db-0,c2,,\nweb,2,x,web-0,c1,,db\n", "app 'web' depends on 'db', which has no VM on cluster 'c1'"],
        ["hub template in vm", H + "\nweb,1,web,\"{{hub fromSecret \"\"x\"\" hub}}\",c1,,\n", "column 'vm': value contains template delimiters"],
        ["closing delimiter in depends_on", H + "\nweb,1,web,web-0,c1,,db}}\n", "column 'depends_on': value contains template delimiters"],
        ["newline injects yaml", H + "\n\"web\nkind: Secret\",1,web,web-0,c1,,\n", "column 'app': value contains a control character (U+000A)"],
        ["tab inside a value", H + "\nwe\tb,1,web,web-0,c1,,\n", "column 'app': value contains a control character (U+0009)"],
        ["colon space", H + "\n\"web: x\",1,web,web-0,c1,,\n", "column 'app': 'web: x' is not a DNS-1123 label"],
        ["hash comment in value", H + "\nweb,1,web,web-0 #x,c1,,\n", "column 'vm': 'web-0 #x' is not a DNS-1123 label"],
        ["leading dash", H + "\n-web,1,web,web-0,c1,,\n", "column 'app': '-web' is not a DNS-1123 label"],
        ["header only", H + "\n", "apps.csv: the inventory lists no VMs"],
        ["comments only", "# nothing here\n\n", "apps.csv: the inventory is empty"],
        ["too few fields", H + "\nweb,1,web,web-0,c1\n", "apps.csv:2: expected 7 fields as in the header, found 5"],
        ["unterminated quote", H + "\nweb,1,web,\"web-0,c1,,\n", "apps.csv"],
        ["policy name too long", H + "\n" + new string('a', 60) + ",1,web,web-0,c1,,\n", "longer than 63 characters"],
        ["policy names collide", H + "\na-b,1,x,v1,c1,,\na,1,x,v2,b,,\na,1,x,v3,c,,\n", "would both make policy 'dr-a-b'"],
    ];

    [TestMethod]
    [DynamicData(nameof(Corpus))]
    public async Task Broken_inventory_is_refused_with_its_message_and_nothing_written(string name, string csv, string expected)
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0, "the starting point is a valid generated tree");
        dir.File("inventory/apps.csv", csv);
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(2, name);
        result.Err.Should().Contain(expected, name);
        result.Err.Should().NotContain("   at ", "a user error prints no stack trace");
        dir.Snapshot().Should().Equal(before, "a refused generate changes nothing");
    }

    [TestMethod]
    [DynamicData(nameof(Corpus))]
    public async Task Validate_reports_the_same_error(string name, string csv, string expected)
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", csv);

        var result = await CliRunner.RunAsync(dir.Path, "validate");

        result.ExitCode.Should().Be(2, name);
        result.Err.Should().Contain(expected, name);
    }

    [TestMethod]
    public async Task Validate_reports_every_error_not_just_the_first()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", H + "\nWeb,1,web,web-0,c1,,\nweb,0,web,web-1,c1,,\napi,1,x_y,api-0,c1,,\napi,1,web,web-0,c1,,nope\n");

        var result = await CliRunner.RunAsync(dir.Path, "validate");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("apps.csv:2:1: column 'app': 'Web'")
            .And.Contain("apps.csv:3:2: column 'tier': '0'")
            .And.Contain("apps.csv:4:3: column 'namespace': 'x_y'")
            .And.Contain("apps.csv:5: app 'api' depends on unknown app 'nope'")
            .And.Contain("4 errors");
    }

    [TestMethod]
    public async Task Missing_inventory_file_is_one_clear_line()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "nowhere.csv");

        result.ExitCode.Should().Be(2);
        result.Err.Trim().Should().Be("acmdr: nowhere.csv: inventory file not found");
    }

    [TestMethod]
    [DataRow("hubNamespace: acmdr\nsite: DR\n", "unknown setting 'site'")]
    [DataRow("sites: [Primary]\n", "sites must name at least two sites")]
    [DataRow("sites: [Primary, 'D R']\n", "site 'D R' is not a valid label value")]
    [DataRow("sites: [Primary, primary]\n", "sites name 'primary' more than once")]
    [DataRow("siteLabel: 'bad key/x/y'\n", "siteLabel 'bad key/x/y' is not a valid Kubernetes label key")]
    [DataRow("hubNamespace: ACM\n", "hubNamespace 'ACM' is not a DNS-1123 label")]
    [DataRow("sites: {a: b\n", "invalid YAML")]
    [DataRow("sites: [Primary, DR]\nmoveRunning: yes\n", "acmdr.yaml:2: moveRunning must be migrate (the flip live-migrates running VMs) or none (they move only by acmdr relocate)")]
    [DataRow("moveRunning: [none]\n", "expected a single value")]
    public async Task Bad_settings_are_refused(string settings, string expected)
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("inventory/acmdr.yaml", settings);

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("acmdr.yaml").And.Contain(expected);
        Directory.Exists(Path.Combine(dir.Path, "policies")).Should().BeFalse();
    }
}
