using System.Globalization;
using System.Text;
using AcmDr.Cli.Tests.Infrastructure;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// A managed cluster holding <c>vms</c> running VMs spread over <c>namespaces</c> namespaces (one app
/// per namespace, apps alternating between tiers 1 and 2), all running at Primary, their nodeSelector
/// naming <c>selectorSite</c>: DR for relocate to migrate them, Primary for break glass to set them.
/// </summary>
public static class ScaledCluster
{
    public static async Task<ManagedCluster> StartAsync(int vms, int namespaces, string selectorSite = "DR")
    {
        var inventory = new StringBuilder(Inventories.Header).Append('\n');
        var placed = new List<(string Ns, string Name)>();
        for (var i = 0; i < vms; i++)
        {
            var space = i % namespaces;
            var ns = $"ns-{space}";
            var name = string.Create(CultureInfo.InvariantCulture, $"vm-{i:0000}");
            inventory.Append(CultureInfo.InvariantCulture, $"app-{space},{(space % 2) + 1},{ns},{name},{ManagedCluster.Cluster},,\n");
            placed.Add((ns, name));
        }

        var cluster = await ManagedCluster.StartAsync(inventory.ToString());
        foreach (var (ns, name) in placed)
        {
            cluster.AddRunningVm(ns, name, selectorSite, "p-1");
        }

        return cluster;
    }

    /// <summary>The GETs the server answered (reads), without the writes.</summary>
    public static int Reads(ManagedCluster cluster) => cluster.Server.Requests.Entries.Count(r => r.Method == "GET");
}
