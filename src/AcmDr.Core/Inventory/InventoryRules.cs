using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Inventory;

/// <summary>Rules that span rows: duplicates, app consistency, dependencies, and generated name limits.</summary>
public static class InventoryRules
{
    /// <summary>Adds every problem across <paramref name="rows"/> to <paramref name="errors"/>.</summary>
    /// <param name="appsOfRejectedRows">Apps named by rows already refused for their own fields: depending on one is not reported again as an unknown app.</param>
    public static void Check(string source, IReadOnlyList<InventoryRow> rows, DrSettings settings, InventoryErrors errors, IReadOnlySet<string>? appsOfRejectedRows = null) =>
        Check(source, rows, settings, errors, appsOfRejectedRows, default);

    /// <param name="columns">Where the cells these rules blame are, for errors at line and column.</param>
    internal static void Check(string source, IReadOnlyList<InventoryRow> rows, DrSettings settings, InventoryErrors errors, IReadOnlySet<string>? appsOfRejectedRows, CellColumns columns)
    {
        var rejected = appsOfRejectedRows ?? new HashSet<string>();
        CheckDuplicateVms(source, rows, errors);
        var apps = CheckAppConsistency(source, rows, settings, errors, columns);
        CheckDependencies(source, apps, settings, errors, rejected, columns);
        CheckGeneratedNames(source, apps, settings, errors);
        DualInventoryRules.Check(source, rows, apps, settings, errors, rejected, columns);
    }

    private static void CheckDuplicateVms(string source, IReadOnlyList<InventoryRow> rows, InventoryErrors errors)
    {
        // Keyed by "namespace/vm" (neither may hold a '/'), not by a tuple: a dictionary over a tuple
        // of strings has no precompiled code in the runtime, and compiling it was start-up time.
        var seen = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = row.Namespace + "/" + row.Vm;
            if (!seen.TryAdd(key, row.Line))
            {
                errors.Add(new InventoryError(source, row.Line, null,
                    $"VM {key} is listed twice (first on line {seen[key]})"));
            }
        }
    }

    private static Dictionary<string, AppFacts> CheckAppConsistency(string source, IReadOnlyList<InventoryRow> rows, DrSettings settings, InventoryErrors errors, CellColumns columns)
    {
        var apps = new Dictionary<string, AppFacts>(StringComparer.Ordinal);
        var disagreeing = new HashSet<string>(StringComparer.Ordinal);
        var hubCluster = settings.Dual.HubCluster;
        foreach (var row in rows)
        {
            if (!apps.TryGetValue(row.App, out var app))
            {
                apps[row.App] = new AppFacts(row, hubCluster);
                continue;
            }

            var first = app.First;
            if (row.Tier != first.Tier || row.RtoMinutes != first.RtoMinutes || row.Peer != first.Peer || (row.IsDual && row.Cluster != first.Cluster))
            {
                disagreeing.Add(row.App);
            }

            app.Add(row);
        }

        if (disagreeing.Count == 0)
        {
            return apps;
        }

        // Rows that disagree are measured against what most rows of the app say (the first row on a
        // tie): one edited row of six is blamed, not the five that still agree. One more pass over the
        // rows gathers the rows of those apps (an inventory with errors), not one pass per such app.
        var rowsOf = disagreeing.ToDictionary(name => name, _ => new List<InventoryRow>(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (rowsOf.TryGetValue(row.App, out var list))
            {
                list.Add(row);
            }
        }

        foreach (var ofApp in rowsOf.Values)
        {
            var tier = Majority(ofApp, r => r.Tier);
            var rto = Majority(ofApp, r => r.RtoMinutes);
            foreach (var row in ofApp)
            {
                if (row.Tier != tier.Tier)
                {
                    errors.Add(new InventoryError(source, row.Line, null,
                        $"app '{row.App}' has tier {row.Tier} here but tier {tier.Tier} on line {tier.Line}: all rows of an app must agree"));
                }

                if (row.RtoMinutes != rto.RtoMinutes)
                {
                    errors.Add(new InventoryError(source, row.Line, null,
                        $"app '{row.App}' has rto_minutes {Show(row.RtoMinutes)} here but {Show(rto.RtoMinutes)} on line {rto.Line}: all rows of an app must agree"));
                }
            }

            DualInventoryRules.CheckAgreement(source, ofApp, errors, columns);
        }

        return apps;
    }

    private static void CheckDependencies(string source, Dictionary<string, AppFacts> apps, DrSettings settings, InventoryErrors errors, IReadOnlySet<string> appsOfRejectedRows, CellColumns columns)
    {
        foreach (var app in apps.Values)
        {
            foreach (var (dependency, line) in app.DependsOn)
            {
                if (dependency == app.Name)
                {
                    errors.Add(new InventoryError(source, line, null, $"app '{app.Name}' depends on itself"));
                }
                else if (!apps.TryGetValue(dependency, out var target))
                {
                    if (!appsOfRejectedRows.Contains(dependency))
                    {
                        errors.Add(new InventoryError(source, line, null, $"app '{app.Name}' depends on unknown app '{dependency}'"));
                    }
                }
                else if (app.IsDual != target.IsDual)
                {
                    errors.Add(new InventoryError(source, line, columns.DependsOn, DualInventoryRules.CrossingDependency(app, target, settings)));
                }
                else if (target.First.Tier > app.First.Tier)
                {
                    errors.Add(new InventoryError(source, line, null,
                        $"app '{app.Name}' (tier {app.First.Tier}) depends on '{dependency}' in later tier {target.First.Tier}: tier {target.First.Tier} waits for tier {app.First.Tier}, so neither would ever move"));
                }
                else if (app.Clusters.FirstOrDefault(c => !target.Clusters.Contains(c)) is { } cluster)
                {
                    errors.Add(new InventoryError(source, line, null,
                        $"app '{app.Name}' depends on '{dependency}', which has no VM on cluster '{cluster}': ACM checks dependencies on each cluster, so '{app.Name}' would wait there forever"));
                }
            }
        }

        var edges = new Dictionary<string, List<string>>(apps.Count, StringComparer.Ordinal);
        foreach (var app in apps.Values)
        {
            var targets = new List<string>(app.DependsOn.Count);
            foreach (var dependency in app.DependsOn)
            {
                if (apps.ContainsKey(dependency.App))
                {
                    targets.Add(dependency.App);
                }
            }

            edges[app.Name] = targets;
        }

        if (DependencyCycle.Find(edges) is { } cycle)
        {
            errors.Add(new InventoryError(source, apps[cycle[0]].First.Line, null,
                $"dependency cycle: {string.Join(" -> ", cycle)}"));
        }
    }

    private static void CheckGeneratedNames(string source, Dictionary<string, AppFacts> apps, DrSettings settings, InventoryErrors errors)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var app in apps.Values)
        {
            foreach (var cluster in app.Clusters)
            {
                var policy = PolicyNames.Policy(app.Name, cluster, app.Clusters.Count > 1);
                var replicated = $"{settings.HubNamespace}.{policy}";
                if (replicated.Length > PolicyNames.MaxReplicatedName)
                {
                    errors.Add(new InventoryError(source, app.First.Line, null,
                        $"app '{app.Name}' makes policy '{policy}', whose replicated name '{replicated}' is longer than {PolicyNames.MaxReplicatedName} characters: shorten the app or cluster name"));
                }

                var owner = $"app '{app.Name}' on cluster '{cluster}'";
                if (!owners.TryAdd(policy, owner))
                {
                    errors.Add(new InventoryError(source, app.First.Line, null,
                        $"{owner} and {owners[policy]} would both make policy '{policy}': rename one app"));
                }
            }
        }
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(empty)";

    /// <summary>The first row holding the value most rows of an app hold (the earliest value on a tie).</summary>
    internal static InventoryRow Majority<T>(List<InventoryRow> rows, Func<InventoryRow, T> value) =>
        rows.GroupBy(value).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Line).First().First();
}
