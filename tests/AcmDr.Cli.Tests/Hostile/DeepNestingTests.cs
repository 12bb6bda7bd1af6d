using System.Text;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Hostile;

/// <summary>
/// 100,000 levels of nesting in every YAML or JSON file acmdr reads. Every reader builds trees by
/// recursion, so without a depth limit the process dies of a stack overflow (exit 134, no message).
/// The CLI runs as a child process: an overflow in-process would end the test host.
/// </summary>
[TestClass]
public sealed class DeepNestingTests
{
    private const int Levels = 100_000;

    private static string Flow(char open, char close) => new string(open, Levels) + new string(close, Levels);

    /// <summary>Block style needs a line per level, the form kubectl writes.</summary>
    private static string BlockMapping(int levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        return text.ToString();
    }

    /// <summary>Names only: the contents are built in the test, so the test's name stays readable.</summary>
    public static IEnumerable<object[]> Dumps =>
    [
        ["flow.yaml", "flow.yaml:1:"],
        ["flow-map.yaml", "flow-map.yaml:1:"],
        ["dashes.yaml", "dashes.yaml:1:"],
        ["block.yaml", "block.yaml:257:"],
        ["deep.json", "deep.json:1:"],
        ["deep-object.json", "deep-object.json:1:"],
    ];

    private static string Dump(string name) => name switch
    {
        "flow.yaml" => "items: " + Flow('[', ']') + "\n",
        "flow-map.yaml" => "items: " + string.Concat(Enumerable.Repeat("{a: ", Levels)) + new string('}', Levels) + "\n",
        "dashes.yaml" => string.Concat(Enumerable.Repeat("- ", Levels)) + "x\n",
        "block.yaml" => BlockMapping(300),
        "deep.json" => Flow('[', ']'),
        _ => string.Concat(Enumerable.Repeat("{\"a\":", Levels)) + "1" + new string('}', Levels),
    };

    [TestMethod]
    [DynamicData(nameof(Dumps))]
    public void A_deeply_nested_dump_is_one_line_with_its_position(string name, string position)
    {
        using var dir = new TempDir();
        dir.File(name, Dump(name));

        var result = AcmdrProcess.Run(dir.Path, "report", "-f", name, "--to", "DR");

        result.ShouldBeOneLineError(2, position, "256");
    }

    [TestMethod]
    public void A_deeply_nested_switch_file_is_one_line()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        AcmdrProcess.Run(dir.Path, "generate").ExitCode.Should().Be(0);
        var switchFile = dir.File("policies/base/acmdr-sites.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: " + Flow('[', ']') + "\n");

        var result = AcmdrProcess.Run(dir.Path, "generate");

        result.ShouldBeOneLineError(2, "acmdr-sites.yaml", "deeper than 256");
        File.ReadAllText(switchFile).Should().EndWith(new string(']', Levels) + "\n", "the switch file is left alone");
    }

    [TestMethod]
    public void A_deeply_nested_settings_file_is_one_line_for_validate_and_generate()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("inventory/acmdr.yaml", "sites: " + Flow('[', ']') + "\n");
        dir.File("block.yaml", BlockMapping(1_000));

        AcmdrProcess.Run(dir.Path, "validate").ShouldBeOneLineError(2, "acmdr.yaml", "deeper than 256");
        AcmdrProcess.Run(dir.Path, "generate").ShouldBeOneLineError(2, "acmdr.yaml", "deeper than 256");
        AcmdrProcess.Run(dir.Path, "validate", "--settings", "block.yaml").ShouldBeOneLineError(2, "block.yaml", "deeper than 256");
        Directory.Exists(Path.Combine(dir.Path, "policies")).Should().BeFalse("nothing is generated from a bad settings file");
    }

    [TestMethod]
    public void A_deeply_nested_kubeconfig_is_one_line_exit_3()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("kubeconfig", "apiVersion: v1\nkind: Config\nclusters: " + Flow('[', ']') + "\n");
        dir.File("kubeconfig.json", "{\"apiVersion\": \"v1\", \"clusters\": " + Flow('[', ']') + "}\n");

        foreach (var kubeconfig in new[] { "kubeconfig", "kubeconfig.json" })
        {
            var result = AcmdrProcess.Run(dir.Path, "flip", "--to", "DR", "--dry-run", "--kubeconfig", kubeconfig);

            result.ShouldBeOneLineError(3, kubeconfig, "deeper than 256");
        }
    }
}
