using System.Diagnostics;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Hostile;

/// <summary>
/// Endless and oversized inputs: devices, FIFOs fed forever, files over the limit. Reading them whole
/// grew the process to gigabytes and ended in "Out of memory", so the CLI runs as a child process.
/// </summary>
[TestClass]
public sealed class InputSizeTests
{
    [TestMethod]
    public void Dev_zero_as_a_dump_an_inventory_or_settings_is_one_line()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);

        AcmdrProcess.Run(dir.Path, "report", "-f", "/dev/zero", "--to", "DR").ShouldBeOneLineError(2, "/dev/zero", "not a text file");
        AcmdrProcess.Run(dir.Path, "validate", "-i", "/dev/zero").ShouldBeOneLineError(2, "/dev/zero", "not a text file");
        AcmdrProcess.Run(dir.Path, "generate", "-i", "/dev/zero").ShouldBeOneLineError(2, "/dev/zero", "not a text file");
        AcmdrProcess.Run(dir.Path, "validate", "--settings", "/dev/zero").ShouldBeOneLineError(2, "/dev/zero", "not a text file");
        AcmdrProcess.Run(dir.Path, "report", "-f", "/dev/urandom", "--to", "DR").ShouldBeOneLineError(2, "/dev/urandom");
        AcmdrProcess.Run(dir.Path, "validate", "-i", "/dev/urandom").ShouldBeOneLineError(2, "/dev/urandom");
    }

    [TestMethod]
    public void Dev_zero_as_a_kubeconfig_is_one_line_exit_3()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);

        var result = AcmdrProcess.Run(dir.Path, "flip", "--to", "DR", "--dry-run", "--kubeconfig", "/dev/zero");

        result.ShouldBeOneLineError(3, "/dev/zero", "not a text file");
    }

    [TestMethod]
    public void An_endless_dump_stops_at_the_limit_and_names_the_option()
    {
        using var dir = new TempDir();
        var fifo = Fifo(dir, "dump.yaml");
        using var feeder = Feed(fifo, "a: b");

        var result = AcmdrProcess.Run(dir.Path, "report", "-f", "dump.yaml", "--to", "DR", "--max-input-size", "1M");

        result.ShouldBeOneLineError(2, "dump.yaml", "larger than 1 MiB");
        result.Err.Should().Contain("--max-input-size");
    }

    [TestMethod]
    public void An_endless_inventory_stops_at_the_inventory_limit()
    {
        using var dir = new TempDir();
        var fifo = Fifo(dir, "apps.csv");
        using var feeder = Feed(fifo, "web,1,web,web-0,c1");

        var result = AcmdrProcess.Run(dir.Path, "validate", "-i", "apps.csv");

        result.ShouldBeOneLineError(2, "apps.csv", "larger than 64 MiB");
    }

    [TestMethod]
    public void A_dump_over_the_limit_is_refused_and_a_raised_limit_reads_it()
    {
        using var dir = new TempDir();
        // A valid, empty List padded with comment lines to 2 MiB.
        var padding = string.Concat(Enumerable.Repeat("# " + new string('x', 1021) + "\n", 2048));
        dir.File("dump.yaml", "apiVersion: v1\nkind: List\nitems: []\n" + padding);

        AcmdrProcess.Run(dir.Path, "report", "-f", "dump.yaml", "--to", "DR", "--max-input-size", "1M")
            .ShouldBeOneLineError(2, "dump.yaml", "is larger than 1 MiB, the dump file limit; raise it with --max-input-size");
        var raised = AcmdrProcess.Run(dir.Path, "report", "-f", "dump.yaml", "--to", "DR", "--max-input-size", "3MiB");
        raised.ExitCode.Should().Be(1, "read, and nothing in scope moved: " + raised);
        AcmdrProcess.Run(dir.Path, "report", "-f", "dump.yaml", "--to", "DR", "--max-input-size", "2G")
            .ShouldBeOneLineError(2, "--max-input-size '2G'", "from 1 to 1 GiB");
    }

    private static string Fifo(TempDir dir, string name)
    {
        var path = Path.Combine(dir.Path, name);
        ProcessRunner.Run("mkfifo", [path], stdin: null, dir.Path, environment: null, TimeSpan.FromSeconds(10)).ExitCode.Should().Be(0);
        return path;
    }

    /// <summary>A child process writing <paramref name="line"/> into the FIFO forever; ended with the returned handle.</summary>
    private static Feeder Feed(string fifo, string line)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec yes \"$1\" > \"$2\"");
        start.ArgumentList.Add("feed");
        start.ArgumentList.Add(line);
        start.ArgumentList.Add(fifo);
        return new Feeder(Process.Start(start)!);
    }

    private sealed class Feeder(Process process) : IDisposable
    {
        public void Dispose()
        {
            // It ends by itself (SIGPIPE) once acmdr closes the FIFO; this is for a failed test.
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
