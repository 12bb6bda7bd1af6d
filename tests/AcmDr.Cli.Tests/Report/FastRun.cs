using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Report;

/// <summary>Runs acmdr against a fake hub on a <see cref="FastClock"/>: its retries, timeouts and --timeout pass (by default) 20 times faster.</summary>
internal static class FastRun
{
    public const int Factor = 20;

    public const string PoliciesPath = "^/apis/policy.open-cluster-management.io/v1/policies$";
    public const string SwitchPath = "^/api/v1/namespaces/acmdr/configmaps/acmdr-sites$";
    public const string NodesPath = "^/api/v1/nodes$";
    public const string InstancesPath = "^/apis/kubevirt.io/v1/(namespaces/[^/]+/)?virtualmachineinstances$";

    /// <summary>Generous: "does not hang", not a measure of speed.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    public static Task<CliResult> AcmdrAsync(FakeHub hub, params string[] args) => AcmdrAsync(hub, Factor, args);

    public static Task<CliResult> AcmdrAsync(FakeHub hub, int factor, params string[] args) =>
        AcmdrInAsync(hub.Dir.Path, factor, [.. args, "--kubeconfig", hub.Kubeconfig]);

    /// <summary>Runs acmdr in <paramref name="workingDirectory"/> with exactly <paramref name="args"/>, on a clock <paramref name="factor"/> times faster.</summary>
    public static async Task<CliResult> AcmdrInAsync(string workingDirectory, int factor, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, workingDirectory, new FastClock(factor));
        var run = CliApp.RunAsync(args, io);
        if (await Task.WhenAny(run, Task.Delay(HangBound)) != run)
        {
            throw new AssertFailedException($"acmdr {string.Join(' ', args)} still runs after {HangBound.TotalSeconds}s\n{error}");
        }

        return new CliResult(await run, output.ToString(), error.ToString());
    }

    /// <summary>The GET requests (not watches) whose path matches <paramref name="pathPattern"/>.</summary>
    public static int Reads(FakeApiServer server, string pathPattern) =>
        server.Requests.Entries.Count(r => r.Method == "GET" && Regex.IsMatch(r.Path, pathPattern)
            && !r.Query.Contains("watch=true", StringComparison.Ordinal));

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A JSON report without the moment it was made: two runs of the same state compare equal.</summary>
    public static string Timeless(string json)
    {
        var report = JsonNode.Parse(json)!.AsObject();
        report.Remove("generatedAt");
        return report.ToJsonString();
    }
}
