using System.Text;
using AcmDr.Cli.Report;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The fast kubectl-YAML reader must build the same tree as the YAML parser, or decline.</summary>
[TestClass]
public sealed class KubectlYamlReaderTests
{
    public static IEnumerable<object[]> Samples()
    {
        yield return ["kubectl style", """
            apiVersion: v1
            items:
            - apiVersion: policy.open-cluster-management.io/v1
              kind: Policy
              metadata:
                annotations:
                  acmdr.io/vms: finance/db-0,finance/db-1
                labels:
                  acmdr.io/tier: "1"
                  empty: ""
                  single: 'it''s'
                name: dr-db
              spec:
                disabled: false
              status:
                compliant: Compliant
                details:
                - compliant: NonCompliant
                  history:
                  - lastTimestamp: "2026-11-25T19:05:00Z"
                    message: "NonCompliant; violation - x [a, b] \"quoted\" \\ tab\t \u00e9 \x41 end"
                  - {}
                  templateMeta:
                    creationTimestamp: null
                    name: dr-db-running
                status:
                -
                  clustername: a
                - b
                - ~
                - []
            kind: List
            metadata:
              resourceVersion: ""
            """];
        yield return ["indented sequences", "a:\n  - x: 1\n    y:\n      - 2\n      - 3\n  - z\nb: null\n"];
        yield return ["flip scenario", FlipScenarios.During().Yaml()];
        yield return ["after scenario", FlipScenarios.After().Yaml()];
    }

    [TestMethod]
    [DynamicData(nameof(Samples))]
    public void Same_tree_as_the_yaml_parser(string name, string yaml)
    {
        var fast = KubectlYamlReader.TryRead(yaml);

        fast.Should().NotBeNull(name);
        Show(fast!).Should().Be(Show(YamlDumpReader.Read(name, new StringReader(yaml))), name);
    }

    [TestMethod]
    public void Generated_policies_and_real_hub_fixtures_read_the_same_or_are_declined()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        CliRunner.RunAsync(dir.Path, "generate").GetAwaiter().GetResult().ExitCode.Should().Be(0);
        var files = Directory.EnumerateFiles(dir.Path, "*.yaml", SearchOption.AllDirectories).ToList();
        var fixtures = Path.Combine(ReportDumpTests.SharedDir, "acm-status-fixtures");
        if (Directory.Exists(fixtures))
        {
            files.AddRange(Directory.EnumerateFiles(fixtures, "*.yaml"));
        }

        var read = 0;
        foreach (var file in files)
        {
            var text = YamlSkipper.Filter(File.ReadAllBytes(file));
            if (KubectlYamlReader.TryRead(text) is { } fast)
            {
                Show(fast).Should().Be(Show(YamlDumpReader.Read(file, new StringReader(text))), file);
                read++;
            }
        }

        read.Should().BeGreaterThan(0);
    }

    [TestMethod]
    [DataRow("a: |\n  block\n")]
    [DataRow("a: >\n  folded\n")]
    [DataRow("a: plain\n  continued\n")]
    [DataRow("a: \"open\n  quote\"\n")]
    [DataRow("a: &x 1\nb: *x\n")]
    [DataRow("a: !!str 1\n")]
    [DataRow("a: {b: 1}\n")]
    [DataRow("a: [1, 2]\n")]
    [DataRow("a: 1\n---\nb: 2\n")]
    [DataRow("a: 1 # note\n")]
    [DataRow("\"quoted key\": 1\n")]
    [DataRow("a:\n\tb: 1\n")]
    [DataRow("a: b: c\n")]
    [DataRow("a: 1\n  b: 2\n")]
    [DataRow("- - nested\n")]
    [DataRow("a: \"bad \\q escape\"\n")]
    public void Anything_outside_the_subset_is_declined(string yaml) =>
        KubectlYamlReader.TryRead(yaml).Should().BeNull();

    private static string Show(List<DumpNode> documents)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            Show(document, text);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Show(DumpNode node, StringBuilder text)
    {
        if (node.Map is { } map)
        {
            text.Append('{');
            foreach (var (key, value) in map)
            {
                text.Append(key).Append('=');
                Show(value, text);
                text.Append(',');
            }

            text.Append('}');
        }
        else if (node.Items is { } items)
        {
            text.Append('[');
            foreach (var item in items)
            {
                Show(item, text);
                text.Append(',');
            }

            text.Append(']');
        }
        else
        {
            text.Append(node.Scalar is null ? "<null>" : "'" + node.Scalar + "'");
        }
    }
}
