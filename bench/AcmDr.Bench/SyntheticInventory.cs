using System.Globalization;
using System.Text;

namespace AcmDr.Bench;

/// <summary>
/// A large inventory that passes <c>acmdr validate</c>, the same for the same size on every machine:
/// ten VMs per app, five tiers in app order, two clusters (one app in ten spans both), eight
/// namespaces, and up to two dependencies per app on earlier apps that live on every cluster the
/// dependent app uses (the validator rejects anything else).
/// </summary>
internal static class SyntheticInventory
{
    public const int VmsPerApp = 10;
    public const int Tiers = 5;
    public static readonly IReadOnlyList<string> Clusters = ["east", "west"];
    private const int Namespaces = 8;
    private const int Seed = 20_240_601;

    public static string Csv(int vms)
    {
        // A fixed seed: System.Random with a seed is a documented, stable sequence across runs.
#pragma warning disable CA5394 // not security-relevant: synthetic test data
        var random = new Random(Seed);
        var apps = Math.Max(1, vms / VmsPerApp);
        var onCluster = Clusters.ToDictionary(c => c, _ => new List<string>(), StringComparer.Ordinal);
        var spanning = new List<string>();
        var text = new StringBuilder(vms * 64);
        text.Append("# synthetic acmdr inventory: ").Append(vms.ToString(CultureInfo.InvariantCulture)).Append(" VMs, seed ")
            .Append(Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("app,tier,namespace,vm,cluster,rto_minutes,depends_on\n");
        var written = 0;
        for (var a = 0; a < apps; a++)
        {
            var app = "app-" + a.ToString("D5", CultureInfo.InvariantCulture);
            var tier = 1 + (a * Tiers / apps);
            var count = a == apps - 1 ? vms - written : VmsPerApp;
            var spans = a % 10 == 3 && count >= Clusters.Count;
            var home = Clusters[random.Next(Clusters.Count)];
            var candidates = spans ? spanning : onCluster[home];
            var dependsOn = new SortedSet<string>(StringComparer.Ordinal);
            for (var d = random.Next(3); d > 0 && candidates.Count > 0; d--)
            {
                dependsOn.Add(candidates[random.Next(candidates.Count)]);
            }

            var ns = "ns-" + (a % Namespaces).ToString(CultureInfo.InvariantCulture);
            var rto = (tier * 15).ToString(CultureInfo.InvariantCulture);
            var deps = string.Join(';', dependsOn);
            for (var v = 0; v < count; v++)
            {
                var cluster = spans ? Clusters[v % Clusters.Count] : home;
                text.Append(app).Append(',').Append(tier.ToString(CultureInfo.InvariantCulture)).Append(',').Append(ns).Append(',')
                    .Append(app).Append("-vm-").Append(v.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(cluster).Append(',').Append(rto).Append(',').Append(deps).Append('\n');
            }
#pragma warning restore CA5394

            written += count;
            if (spans)
            {
                spanning.Add(app);
                foreach (var list in onCluster.Values)
                {
                    list.Add(app);
                }
            }
            else
            {
                onCluster[home].Add(app);
            }
        }

        return text.ToString();
    }
}
