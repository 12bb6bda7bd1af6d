using System.Globalization;
using System.Text.Json;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using AcmDr.FakeKube;

namespace AcmDr.Bench;

/// <summary>What one cluster size measured besides times: its namespaces, and the requests each command sent in one run.</summary>
internal sealed record ClusterRun(int Size, int Namespaces, IReadOnlyDictionary<string, RequestCount> Requests);

/// <summary>The requests of one run of a command, as the fake API server logged them.</summary>
internal sealed record RequestCount(int Total, int Reads, int Writes)
{
    public static RequestCount Of(RequestLog log)
    {
        var entries = log.Entries;
        var reads = entries.Count(r => r.Method == "GET");
        return new(entries.Count, reads, entries.Count - reads);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Total:N0} requests ({Reads:N0} reads, {Writes:N0} writes)");
}

/// <summary>
/// The cluster figures of one size: the fake API server holding that many VMs in this process, the
/// built CLI (and kubectl, the reference) as processes against it, timed in the same run.
/// </summary>
internal static class ClusterFigures
{
    public static async Task<ClusterRun> RunAsync(TextWriter output, Runner runner, string cli, string work, int size, int runs, TimeSpan latency)
    {
        await using var cluster = await SyntheticCluster.StartAsync(Path.Combine(work, $"cluster-{size}"), size, latency);
        var nodes = cluster.Server.Store.List("", "v1", "nodes").Count;
        output.WriteLine();
        output.WriteLine(Invariant($"cluster {size:N0}: {size:N0} VMs with instances in {cluster.Namespaces:N0} namespaces, {nodes} nodes, on the fake API server at {cluster.Server.BaseUri} answering after {latency.TotalMilliseconds:F0} ms; {runs} runs after a warm-up, each stopped after {runner.Limit?.TotalSeconds ?? 0:F0} s"));
        var requests = new Dictionary<string, RequestCount>(StringComparer.Ordinal);
        string[] Target(params string[] args) => [.. args, "-i", cluster.Inventory, "--kubeconfig", cluster.Kubeconfig];

        void Measure(string name, string program, Func<IReadOnlyList<string>> args, Action? reset = null, int highestSuccess = 0)
        {
            var measured = runner.Measure(name, program, runs, _ =>
            {
                reset?.Invoke();
                cluster.Server.Requests.Clear();
                return args();
            }, highestSuccess);
            if (measured is not null || runner.TimedOut.ContainsKey(name))
            {
                var count = RequestCount.Of(cluster.Server.Requests);
                requests[name] = count;
                output.WriteLine(measured is null ? $"  {count} before it was stopped" : $"  {count} in one run");
            }
        }

        // The reference: one plain LIST of every VM, the whole answer read (curl: a process, as acmdr is, that starts in milliseconds).
        if (OnPath("curl"))
        {
            Measure(FigureNames.ClusterList(size), "curl", () => ["-sSf", "-o", "/dev/null", new Uri(cluster.Server.BaseUri, "apis/kubevirt.io/v1/virtualmachines").ToString()]);
        }
        else
        {
            output.WriteLine("curl not found: no LIST reference, so no cluster targets (apt-get install -y curl)");
        }

        Measure(FigureNames.BreakGlassDryRun(size), cli, () => Target("breakglass", "--to", "DR", "--dry-run"));
        Measure(FigureNames.BreakGlass(size), cli, () => Target("breakglass", "--to", "DR"), () => cluster.Reset("Primary"));

        // After a hub flip (or a break glass) the selectors say DR while every VM still runs at Primary.
        cluster.Reset("DR");
        Measure(FigureNames.RelocateDryRun(size), cli, () => Target("relocate", "--to", "DR", "--dry-run"), highestSuccess: 1);

        var dump = WriteDump(cluster, Path.Combine(cluster.Directory, "policies.json"));
        // Not every VM runs at DR: report answers 1, which is its answer, not a failure.
        Measure(FigureNames.ReportWithoutGroundTruth(size), cli, () => ["report", "-f", dump, "--to", "DR"], highestSuccess: 1);
        Measure(FigureNames.ReportGroundTruth(size), cli, () => ["report", "-f", dump, "--to", "DR", "--managed-kubeconfig", cluster.Kubeconfig], highestSuccess: 1);
        return new ClusterRun(size, cluster.Namespaces, requests);
    }

    /// <summary>The hub's policies for the cluster's inventory, as <c>kubectl get policies -A -o json</c> would show them.</summary>
    private static string WriteDump(SyntheticCluster cluster, string path)
    {
        var plan = PlanBuilder.Build(InventoryReader.Read(cluster.Inventory, File.ReadAllBytes(cluster.Inventory), DrSettings.Default), DrSettings.Default);
        using var json = File.Create(path);
        using var writer = new Utf8JsonWriter(json);
        SyntheticPolicyDump.Build(plan).WriteTo(writer);
        return path;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
