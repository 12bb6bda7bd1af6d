using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built acmdr (copied beside the tests) as a child process. For inputs that could crash
/// the process (a stack overflow, running out of memory) in-process runs would take the test host
/// down with them; a child's crash is an exit code and a stderr the test can assert on.
/// </summary>
public static class AcmdrProcess
{
    /// <summary>Generous: every case ends in a second or two; this only tells a hang from a slow machine.</summary>
    public static readonly TimeSpan DoesNotHang = TimeSpan.FromSeconds(60);

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "acmdr.dll");
        File.Exists(dll).Should().BeTrue("the CLI is built beside the tests");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var (exit, stdout, stderr) = ProcessRunner.Run(dotnet, [dll, .. args], stdin: null, workingDirectory,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, DoesNotHang);
        return new CliResult(exit, stdout, stderr);
    }

    /// <summary>What every user error must look like: one line naming <paramref name="file"/>, no stack trace.</summary>
    public static void ShouldBeOneLineError(this CliResult result, int exitCode, string file, string? contains = null)
    {
        result.ExitCode.Should().Be(exitCode, result.ToString());
        result.Err.Should().NotContain("   at ", result.ToString()).And.NotContain("Unhandled exception", result.ToString())
            .And.NotContain("Stack overflow", result.ToString());
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle(result.ToString());
        result.Err.Should().StartWith("acmdr: ").And.Contain(file, result.ToString());
        if (contains is not null)
        {
            result.Err.Should().Contain(contains, result.ToString());
        }
    }
}
