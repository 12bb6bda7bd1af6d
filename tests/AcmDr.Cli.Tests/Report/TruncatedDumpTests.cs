using System.Text;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>A dump cut short (a dropped connection during kubectl get) is malformed input, never a smaller hub.</summary>
[TestClass]
public sealed class TruncatedDumpTests
{
    /// <summary>A real hub's <c>kubectl get policies -A -o yaml</c> (a List), from ../shared/acm-status-fixtures.</summary>
    private static byte[] RealDump() =>
        File.ReadAllBytes(Path.Combine(ReportDumpTests.SharedDir, "acm-status-fixtures", "c2p-hub-policies-root-and-replicated.yaml"));

    [TestMethod]
    public void A_real_kubectl_dump_cut_anywhere_is_refused_with_the_file_and_a_position()
    {
        var dump = RealDump();
        DumpFiles.Parse("dump.yaml", dump).Should().NotBeEmpty("the whole dump reads");
        var lastItemEnds = Encoding.UTF8.GetString(dump).LastIndexOf("\nkind: List", StringComparison.Ordinal) + 1;

        // Every cut that loses part of an item: at line ends too, where no half line gives it away.
        var cuts = Enumerable.Range(1, 60).Select(i => (int)((long)lastItemEnds * i / 61))
            .Concat(Encoding.UTF8.GetString(dump[..lastItemEnds]).Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1).Where(i => i % 7 == 0))
            .Where(cut => cut > 0 && cut <= lastItemEnds)
            .Distinct();
        foreach (var cut in cuts)
        {
            var read = () => DumpFiles.Parse("dump.yaml", dump.AsSpan(0, cut));
            read.Should().Throw<DumpFileException>($"a dump cut after {cut} of {dump.Length} bytes")
                .Which.Message.Should().MatchRegex(@"^dump\.yaml:\d+:\d+: ");
        }
    }

    [TestMethod]
    public void A_dump_cut_inside_a_quoted_string_folded_over_lines_is_refused()
    {
        // kubectl folds long messages: a double-quoted scalar over several lines, here cut at a line's end.
        const string Dump = """
            apiVersion: v1
            items:
            - apiVersion: policy.open-cluster-management.io/v1
              kind: Policy
              metadata:
                name: acmdr.dr-db
                namespace: stretch-1
              status:
                details:
                - history:
                  - message: "Compliant; notification - virtualmachineinstances [db-0, db-1] found as specified
                      in namespace finance; NonCompliant; violation - virtualmachineinstances [db-2] not
            """;

        var read = () => DumpFiles.Parse("dump.yaml", Encoding.UTF8.GetBytes(Dump.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));

        read.Should().Throw<DumpFileException>().Which.Message.Should().MatchRegex(@"^dump\.yaml:\d+:\d+: ");
    }

    [TestMethod]
    public void A_list_dump_ending_inside_a_key_is_refused_where_the_cut_is()
    {
        var text = Encoding.UTF8.GetString(RealDump());

        var read = () => DumpFiles.Parse("dump.yaml", Encoding.UTF8.GetBytes(text[..(text.IndexOf("creationTimestamp", StringComparison.Ordinal) + 9)]));

        read.Should().Throw<DumpFileException>().WithMessage("dump.yaml:12:5: not valid YAML*", "a half key is where the cut is");
    }

    [TestMethod]
    public async Task Report_exits_2_on_a_cut_dump_and_reports_nothing()
    {
        using var dir = new TempDir();
        var dump = RealDump();
        File.WriteAllBytes(dir.File("dump.yaml"), dump[..(120 * dump.Length / 200)]);

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", "dump.yaml", "--to", "DR");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Out.Should().BeEmpty();
        result.Err.Trim().Should().MatchRegex(@"^acmdr: dump\.yaml:\d+:\d+: .*cut short");
    }
}
