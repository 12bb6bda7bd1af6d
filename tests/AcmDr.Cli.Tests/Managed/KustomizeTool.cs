using System.Diagnostics;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Runs the real <c>kubectl kustomize</c>. Without kubectl the test is inconclusive, unless
/// ACMDR_REQUIRE_TOOLS=1 (CI), where it fails: CI must not pass by skipping.
/// </summary>
public static class KustomizeTool
{
    public static async Task<(int ExitCode, string Output, string Error)> BuildAsync(string dir)
    {
        var kubectl = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "kubectl"))
            .FirstOrDefault(File.Exists);
        if (kubectl is null)
        {
            if (Environment.GetEnvironmentVariable("ACMDR_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("kubectl is not installed and ACMDR_REQUIRE_TOOLS=1");
            }

            Assert.Inconclusive("kubectl is not installed");
        }

        var start = new ProcessStartInfo(kubectl!, ["kustomize", dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
