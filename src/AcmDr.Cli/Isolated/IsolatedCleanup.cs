using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Core.Isolated;
using AcmDr.Core.Text;
using k8s.Autorest;

namespace AcmDr.Cli.Isolated;

/// <summary>What a cleanup removed (or, dry, would remove) and what it left, one line each.</summary>
/// <param name="Found">Whether anything of the rehearsal was found at all.</param>
public sealed record CleanupResult(IReadOnlyList<string> Removed, IReadOnlyList<string> Leftovers, bool Found);

/// <summary>
/// Removes what a rehearsal created, found by its label alone (so also after an interrupted run):
/// the VM copies, then the bubble namespaces (their DataVolumes, claims, networks and quota go with
/// them), and the production VirtualMachineSnapshots (their contents and volume snapshots go with
/// them). Then it waits, polling, until they are gone or <c>wait</c> is up, and reports what is left:
/// what is still there, and volumes the bubbles' claims were bound to that outlived them (a
/// reclaim policy Retain leaves them Released). A labelled namespace whose name is not a bubble's is
/// never deleted. Without an id it cleans every rehearsal found.
/// </summary>
public sealed class IsolatedCleanup(IClusterObjects cluster, TimeSpan wait, TimeSpan poll, TextWriter progress)
{
    private TimeProvider Clock => cluster.Retry.Clock;

    public async Task<CleanupResult> RunAsync(string? id, bool dryRun, CancellationToken cancel)
    {
        var selector = id is null ? IsolatedLabels.Rehearsal : $"{IsolatedLabels.Rehearsal}={id}";
        var prefix = id is null ? IsolatedLabels.NamespacePrefix : $"{IsolatedLabels.NamespacePrefix}{id}-";
        var leftovers = new List<string>();
        var removed = new List<string>();
        var namespaces = await cluster.ListAsync(ApiResource.Namespaces, null, selector, cancel);
        var bubbles = new List<string>();
        foreach (var ns in namespaces)
        {
            var name = KubeJson.Text(ns["metadata"]?["name"]) ?? string.Empty;
            if (name.StartsWith(IsolatedLabels.NamespacePrefix, StringComparison.Ordinal))
            {
                bubbles.Add(name);
            }
            else
            {
                leftovers.Add($"namespace {name} carries the rehearsal label but is not a bubble: left alone");
            }
        }

        var sources = namespaces.Select(n => KubeJson.Text(n["metadata"]?["labels"]?[IsolatedLabels.SourceNamespace])).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var (snapshots, unlisted) = await SnapshotsAsync(selector, sources, cancel);
        if (unlisted is not null)
        {
            leftovers.Add(unlisted);
        }

        var copies = new List<(string Namespace, string Name)>();
        foreach (var bubble in bubbles)
        {
            copies.AddRange((await cluster.ListAsync(ApiResource.VirtualMachines, bubble, selector, cancel)).Select(v => (bubble, Name(v))));
        }

        var found = bubbles.Count + snapshots.Count + namespaces.Count > 0;
        var verb = dryRun ? "would delete" : "deleted";
        foreach (var (ns, name) in copies)
        {
            await DeleteAsync(ApiResource.VirtualMachines, ns, name, dryRun, cancel);
            removed.Add($"{verb} virtualmachine {ns}/{name}");
        }

        foreach (var bubble in bubbles)
        {
            await DeleteAsync(ApiResource.Namespaces, null, bubble, dryRun, cancel);
            removed.Add($"{verb} namespace {bubble}");
        }

        foreach (var (ns, name) in snapshots)
        {
            await DeleteAsync(ApiResource.VmSnapshots, ns, name, dryRun, cancel);
            removed.Add($"{verb} virtualmachinesnapshot {ns}/{name}");
        }

        foreach (var line in removed)
        {
            progress.WriteLine($"cleanup: {line}");
        }

        if (dryRun)
        {
            return new CleanupResult(removed, leftovers, found);
        }

        var (namespacesLeft, snapshotsLeft) = await WaitGoneAsync(selector, sources, bubbles, snapshots, cancel);
        var waited = DurationGrammar.Format(wait);
        leftovers.AddRange(namespacesLeft.Select(n => $"namespace {n} is still there after {waited} (Terminating: something holds it; kubectl get all,pvc -n {n})"));
        leftovers.AddRange(snapshotsLeft.Select(s => $"virtualmachinesnapshot {s.Namespace}/{s.Name} is still there after {waited}"));
        leftovers.AddRange(await VolumesLeftAsync(prefix, namespacesLeft, cancel));
        return new CleanupResult(removed, leftovers, found || leftovers.Count > 0);
    }

    /// <summary>The rehearsal's snapshots: listed in every namespace, or where its bubbles say production is when that list is refused.</summary>
    private async Task<(List<(string Namespace, string Name)> Snapshots, string? Unlisted)> SnapshotsAsync(string selector, IEnumerable<string> sources, CancellationToken cancel)
    {
        try
        {
            return ([.. (await cluster.ListAsync(ApiResource.VmSnapshots, null, selector, cancel)).Select(s => (Namespace(s), Name(s)))], null);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            var found = new List<(string, string)>();
            foreach (var ns in sources)
            {
                found.AddRange((await cluster.ListAsync(ApiResource.VmSnapshots, ns, selector, cancel)).Select(s => (ns, Name(s))));
            }

            return (found, $"virtualmachinesnapshots: not allowed to list them in every namespace; check production namespaces by hand: kubectl get virtualmachinesnapshots -A -l {selector}");
        }
    }

    private async Task DeleteAsync(ApiResource type, string? ns, string name, bool dryRun, CancellationToken cancel)
    {
        if (!dryRun)
        {
            await cluster.DeleteAsync(type, ns, name, cancel);
        }
    }

    /// <summary>
    /// Polls until the deleted bubbles and snapshots are gone or the wait is up: each round is one LIST of
    /// the rehearsal's namespaces and one of its snapshots by label (not a GET per object), and what it
    /// deleted that is still listed is still there.
    /// </summary>
    private async Task<(List<string> Namespaces, List<(string Namespace, string Name)> Snapshots)> WaitGoneAsync(
        string selector, IEnumerable<string> sources, List<string> namespaces, List<(string Namespace, string Name)> snapshots, CancellationToken cancel)
    {
        var deadline = Clock.GetUtcNow() + wait;
        var namespacesLeft = namespaces;
        var snapshotsLeft = snapshots;
        while (true)
        {
            if (namespacesLeft.Count > 0)
            {
                var listed = (await cluster.ListAsync(ApiResource.Namespaces, null, selector, cancel)).Select(Name).ToHashSet(StringComparer.Ordinal);
                namespacesLeft = [.. namespacesLeft.Where(listed.Contains)];
            }

            if (snapshotsLeft.Count > 0)
            {
                var listed = (await SnapshotsAsync(selector, sources, cancel)).Snapshots.ToHashSet();
                snapshotsLeft = [.. snapshotsLeft.Where(listed.Contains)];
            }

            if ((namespacesLeft.Count == 0 && snapshotsLeft.Count == 0) || Clock.GetUtcNow() >= deadline)
            {
                return (namespacesLeft, snapshotsLeft);
            }

            await Task.Delay(poll, Clock, cancel);
        }
    }

    /// <summary>Volumes the bubbles' claims were bound to that outlived them (a namespace still there is reported on its own).</summary>
    private async Task<IEnumerable<string>> VolumesLeftAsync(string prefix, List<string> namespacesLeft, CancellationToken cancel)
    {
        IReadOnlyList<JsonObject> volumes;
        try
        {
            volumes = await cluster.ListAsync(ApiResource.Volumes, null, null, cancel);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            return [$"persistentvolumes: not allowed to list them; check for volumes of claims in {prefix}* by hand (kubectl get pv)"];
        }

        return volumes
            .Where(v => KubeJson.Text(v["spec"]?["claimRef"]?["namespace"]) is { } ns && ns.StartsWith(prefix, StringComparison.Ordinal) && !namespacesLeft.Contains(ns))
            .Select(v => string.Create(CultureInfo.InvariantCulture,
                $"persistentvolume {Name(v)} (claim {KubeJson.Text(v["spec"]?["claimRef"]?["namespace"])}/{KubeJson.Text(v["spec"]?["claimRef"]?["name"])}) is {KubeJson.Text(v["status"]?["phase"]) ?? "still there"}, reclaim policy {KubeJson.Text(v["spec"]?["persistentVolumeReclaimPolicy"]) ?? "unknown"}: delete it when its data is no longer needed (kubectl delete pv {Name(v)})"))
            .ToList();
    }

    private static string Name(JsonObject o) => KubeJson.Text(o["metadata"]?["name"]) ?? string.Empty;

    private static string Namespace(JsonObject o) => KubeJson.Text(o["metadata"]?["namespace"]) ?? string.Empty;
}
