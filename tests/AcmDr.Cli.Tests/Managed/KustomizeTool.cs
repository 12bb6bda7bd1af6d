using AcmDr.Cli.Tests.Support;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>Runs the real <c>kubectl kustomize</c> (inconclusive without kubectl, failing in CI).</summary>
public static class KustomizeTool
{
    public static Task<(int ExitCode, string Output, string Error)> BuildAsync(string dir)
    {
        var kubectl = RequiredTool.Kubectl();
        return Task.Run(() => ProcessRunner.Run(kubectl, ["kustomize", dir], null, null, null, TimeSpan.FromSeconds(60)));
    }
}
