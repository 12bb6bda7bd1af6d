using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// <c>report --output-file</c> where the file cannot be written: one line naming it (exit 2), no
/// temporary file left beside it, no folder made.
/// </summary>
[TestClass]
public sealed class ReportOutputFileTests
{
    private const string Dump = "apiVersion: v1\nkind: List\nitems: []\n";

    private static async Task<CliResult> ReportAsync(TempDir dir, string outputFile)
    {
        dir.File("dump.yaml", Dump);
        return await CliRunner.RunAsync(dir.Path, "report", "-f", "dump.yaml", "--to", "DR", "-o", "json", "--output-file", outputFile);
    }

    private static void ShouldFailInOneLine(CliResult result, string outputFile)
    {
        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle(result.ToString());
        result.Err.Should().StartWith($"acmdr: {outputFile}: cannot write the report: ");
        result.Out.Should().BeEmpty();
    }

    private static IEnumerable<string> Leftovers(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*.tmp", SearchOption.AllDirectories);

    [TestMethod]
    public async Task A_folder_as_the_output_file_is_one_line_and_leaves_nothing()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "reports"));

        var result = await ReportAsync(dir, "reports");

        ShouldFailInOneLine(result, "reports");
        result.Err.Should().Contain("is a folder");
        Leftovers(dir.Path).Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(Path.Combine(dir.Path, "reports")).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_missing_folder_is_not_made()
    {
        using var dir = new TempDir();

        var result = await ReportAsync(dir, "nowhere/report.json");

        ShouldFailInOneLine(result, "nowhere/report.json");
        result.Err.Should().Contain("does not exist");
        Directory.Exists(Path.Combine(dir.Path, "nowhere")).Should().BeFalse();
        Leftovers(dir.Path).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_file_where_the_folder_should_be_is_one_line()
    {
        using var dir = new TempDir();

        var result = await ReportAsync(dir, "dump.yaml/report.json");

        ShouldFailInOneLine(result, "dump.yaml/report.json");
        File.ReadAllText(Path.Combine(dir.Path, "dump.yaml")).Should().Be(Dump);
        Leftovers(dir.Path).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_read_only_folder_is_one_line_and_leaves_nothing()
    {
        using var dir = new TempDir();
        var folder = ReadOnlyFolder(dir);
        var before = Directory.EnumerateFileSystemEntries(folder).ToList();
        var target = Path.Combine(folder, "report.json");

        var result = await ReportAsync(dir, target);

        ShouldFailInOneLine(result, target);
        result.Err.Should().NotContain(".tmp", "the message names the report, not acmdr's temporary file");
        Directory.EnumerateFileSystemEntries(folder).Should().BeEquivalentTo(before);
    }

    [TestMethod]
    public async Task A_writable_target_is_written_and_no_temporary_file_stays()
    {
        using var dir = new TempDir();

        var result = await ReportAsync(dir, "report.json");

        result.ExitCode.Should().Be(1, result.ToString());
        File.ReadAllText(Path.Combine(dir.Path, "report.json")).Should().Contain("\"schemaVersion\"");
        Leftovers(dir.Path).Should().BeEmpty();
    }

    /// <summary>
    /// A folder this process cannot write in: a mode 555 folder, or for root (whom modes do not stop)
    /// sysfs's top folder. Checked, so the test never passes for the wrong reason.
    /// </summary>
    private static string ReadOnlyFolder(TempDir dir)
    {
        var folder = Path.Combine(dir.Path, "read-only");
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Unix file modes");
            return folder;
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (!CanCreateIn(folder))
        {
            return folder;
        }

        if (!CanCreateIn("/sys"))
        {
            return "/sys";
        }

        Assert.Inconclusive("no folder here refuses this process a new file");
        return folder;
    }

    private static bool CanCreateIn(string folder)
    {
        var probe = Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
