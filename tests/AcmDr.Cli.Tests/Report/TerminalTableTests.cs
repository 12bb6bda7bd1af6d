using System.Text;
using System.Text.RegularExpressions;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The table on a terminal fits its width: names whole on one line, only the reason wraps; <c>-o wide</c> shows everything.</summary>
[TestClass]
public sealed partial class TerminalTableTests
{
    private static readonly string[] Apps = ["payments-ledger", "payments-ledger", "customer-portal"];
    private static readonly string[] Names = ["finance/payments-ledger-db-0", "finance/payments-ledger-db-1", "web/customer-portal-web-0"];

    private const string LongReason =
        "not running at DR: virtualmachineinstances [payments-ledger-db-1] not found in namespace finance; "
        + "the instance still runs at Primary (--managed-kubeconfig tells why and what next)";

    /// <summary>The three VMs of the flip scenario under production-length names and reasons.</summary>
    private static ReportData Data()
    {
        var snapshot = HubObjects.From(DumpFiles.Parse("dump.yaml", Encoding.UTF8.GetBytes(FlipScenarios.During().Yaml())), "acmdr", "dump.yaml");
        IReadOnlyList<Workload> inventory =
        [
            new("db", 1, "finance", "db-0", "stretch-1", 15), new("db", 1, "finance", "db-1", "stretch-1", 15), new("web", 2, "web", "web-0", "stretch-1", 30),
        ];
        var scope = new ReportScope(DrSettings.Default, "acmdr", inventory, "DR", null, [], []);
        var data = ReportData.Assemble(scope, snapshot, [], ["file dump.yaml"], new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
        var vms = data.Summary.Vms.Select((vm, i) =>
        {
            var slash = Names[i].IndexOf('/', StringComparison.Ordinal);
            return vm with { App = Apps[i], Namespace = Names[i][..slash], Vm = Names[i][(slash + 1)..], Cluster = "stretch-east-1", Reason = LongReason };
        });
        return data with { Summary = data.Summary with { Vms = [.. vms] } };
    }

    private static string[] Terminal(ReportData data, int width)
    {
        using var screen = new StringWriter { NewLine = "\n" };
        TableReport.Write(data, RecordingConsole.Over(screen), width);
        return [.. Ansi().Replace(screen.ToString(), string.Empty).TrimEnd('\n').Split('\n')];
    }

    /// <summary>The lines of the VM table, from its header to the line before the next blank or note.</summary>
    private static List<string> VmRows(string[] lines) =>
        [.. lines.SkipWhile(l => !l.StartsWith("TIER  APP", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0 && !l.StartsWith("not shown", StringComparison.Ordinal) && !l.Contains(" VMs at DR", StringComparison.Ordinal))];

    [TestMethod]
    [DataRow(100)]
    [DataRow(80)]
    public void On_a_terminal_every_line_fits_and_every_name_stays_whole_on_one_line(int width)
    {
        var lines = Terminal(Data(), width);

        lines.Should().OnlyContain(l => l.Length <= width, string.Join('\n', lines));
        foreach (var name in Names.Concat(Apps))
        {
            lines.Should().Contain(l => l.Contains(name, StringComparison.Ordinal), $"{name} is never cut or wrapped:\n{string.Join('\n', lines)}");
        }

        lines.Should().Contain(l => l.Contains("stretch-east-1", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Where_the_names_leave_it_room_the_reason_wraps_beside_them_and_a_vm_takes_its_wrapped_lines()
    {
        var lines = Terminal(Data(), 130);

        var rows = VmRows(lines);
        rows.Where(r => Names.Any(n => r.Contains(n, StringComparison.Ordinal))).Should().HaveCount(3, "each VM starts one line");
        rows.Should().HaveCountLessThanOrEqualTo(3 * ((LongReason.Length / (TerminalFit.MinWrapWidth - 10)) + 1), "a VM takes its reason's wrapped lines, not a line per word:\n" + string.Join('\n', lines));
        var column = lines.Single(l => l.StartsWith("TIER  APP", StringComparison.Ordinal)).IndexOf("REASON", StringComparison.Ordinal);
        var reason = string.Join(' ', rows.Take(rows.Count / 3).Select(r => r[column..]));
        Words(reason).Should().Equal(Words(LongReason), "wrapping keeps every word of the reason");
        lines.Should().Contain(l => l.StartsWith("not shown: SPEC", StringComparison.Ordinal) && l.EndsWith("(-o wide shows every column)", StringComparison.Ordinal));
    }

    [TestMethod]
    [DataRow(100)]
    [DataRow(80)]
    public void Names_too_long_to_leave_the_reason_room_beside_them_put_the_reasons_below_one_line_per_vm(int width)
    {
        var lines = Terminal(Data(), width);

        var rows = VmRows(lines);
        rows.Should().HaveCount(3, "one line per VM:\n" + string.Join('\n', lines));
        rows.Should().OnlyContain(r => !r.Contains("not running", StringComparison.Ordinal));
        lines.Should().Contain("not shown: SPEC, RUNNING, SINCE; REASON below (-o wide shows every column)");
        var below = lines.SkipWhile(l => !l.StartsWith("not shown", StringComparison.Ordinal)).Skip(1).ToList();
        foreach (var name in Names)
        {
            below.Should().Contain(l => l.StartsWith(name + ": not running at DR:", StringComparison.Ordinal));
        }

        var perVm = (Names[0].Length + 2 + LongReason.Length + width - 1) / width;
        below.Should().HaveCountLessThanOrEqualTo((3 * (perVm + 1)) + 1, "a reason takes the lines its words need at the terminal's width (a line more at most for wrapping at words), then the verdict line");
    }

    [TestMethod]
    public void A_wide_terminal_shows_every_column_and_no_note()
    {
        var lines = Terminal(Data(), 400);

        lines.Should().Contain(l => l.StartsWith("TIER  APP", StringComparison.Ordinal) && l.Contains("SPEC", StringComparison.Ordinal) && l.Contains("SINCE", StringComparison.Ordinal));
        VmRows(lines).Should().HaveCount(3).And.OnlyContain(r => r.EndsWith(LongReason, StringComparison.Ordinal));
        lines.Should().NotContain(l => l.StartsWith("not shown", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Columns_are_dropped_spec_first_only_as_far_as_the_reason_needs_room()
    {
        var data = Data();
        var vmHeader = (int width) => Terminal(data, width).First(l => l.StartsWith("TIER  APP", StringComparison.Ordinal));

        vmHeader(400).Should().Contain("SPEC");
        var widest = Enumerable.Range(80, 300).First(w => vmHeader(w).Contains("SPEC", StringComparison.Ordinal));
        vmHeader(widest - 1).Should().NotContain("SPEC").And.Contain("RUNNING").And.Contain("SINCE");
    }

    [TestMethod]
    public async Task Report_on_a_terminal_fits_the_width_cliio_gives_and_wide_prints_every_column_in_full()
    {
        using var dir = new TempDir();
        var dump = dir.File("dump.yaml", FlipScenarios.During().Yaml());

        var fitted = await RunAsync(dir, new CliIoWidth(100), "report", "-f", dump, "--to", "DR");
        var wide = await RunAsync(dir, new CliIoWidth(100), "report", "-f", dump, "--to", "DR", "-o", "wide");
        var piped = await RunAsync(dir, null, "report", "-f", dump, "--to", "DR", "-o", "wide");

        fitted.Split('\n').Should().OnlyContain(l => l.Length <= 100, fitted);
        wide.Should().Be(piped, "-o wide is the plain table on a terminal too");
        var header = wide.Split('\n').First(l => l.StartsWith("TIER   APP", StringComparison.Ordinal));
        Words(header).Should().Equal("TIER", "APP", "VM", "CLUSTER", "SPEC", "RUNNING", "VERDICT", "SINCE", "REASON");
        wide.Split('\n').Where(l => l.StartsWith("1      db", StringComparison.Ordinal)).Should().HaveCount(2, "one line per VM")
            .And.Contain(l => l.EndsWith("found but not as specified in namespace finance (--managed-kubeconfig tells why and what next)", StringComparison.Ordinal));
        wide.Should().NotContain("not shown");
    }

    private sealed record CliIoWidth(int Width);

    private static async Task<string> RunAsync(TempDir dir, CliIoWidth? terminal, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, dir.Path, TimeProvider.System) { IsTerminal = terminal is not null, Width = terminal?.Width ?? 80 };
        await CliApp.RunAsync(args, io);
        return Ansi().Replace(output.ToString(), string.Empty);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("\u001b\\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();
}
