using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Inventory;

/// <summary>Rules that span rows: duplicates, app consistency, dependencies, and generated name limits.</summary>
public static class InventoryRules
{
    public static IReadOnlyList<InventoryError> Check(string source, IReadOnlyList<InventoryRow> rows, DrSettings settings)
    {
        var errors = new List<InventoryError>();
        CheckDuplicateVms(source, rows, errors);
        var apps = CheckAppConsistency(source, rows, errors);
        CheckDependencies(source, apps, errors);
        CheckGeneratedNames(source, apps, settings, errors);
        return errors;
    }

    private static void CheckDuplicateVms(string source, IReadOnlyList<InventoryRow> rows, List<InventoryError> errors)
    {
        var seen = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            if (!seen.TryAdd((row.Namespace, row.Vm), row.Line))
            {
                errors.Add(new InventoryError(source, row.Line, null,
                    $"VM {row.Namespace}/{row.Vm} is listed twice (first on line {seen[(row.Namespace, row.Vm)]})"));
            }
        }
    }

    private static Dictionary<string, AppFacts> CheckAppConsistency(string source, IReadOnlyList<InventoryRow> rows, List<InventoryError> errors)
    {
        var apps = new Dictionary<string, AppFacts>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!apps.TryGetValue(row.App, out var app))
            {
                apps[row.App] = new AppFacts(row);
                continue;
            }

            if (row.Tier != app.First.Tier)
            {
                errors.Add(new InventoryError(source, row.Line, null,
                    $"app '{row.App}' has tier {row.Tier} here but tier {app.First.Tier} on line {app.First.Line}: all rows of an app must agree"));
            }

            if (row.RtoMinutes != app.First.RtoMinutes)
            {
                errors.Add(new InventoryError(source, row.Line, null,
                    $"app '{row.App}' has rto_minutes {Show(row.RtoMinutes)} here but {Show(app.First.RtoMinutes)} on line {app.First.Line}: all rows of an app must agree"));
            }

            app.Add(row);
        }

        return apps;
    }

    private static void CheckDependencies(string source, Dictionary<string, AppFacts> apps, List<InventoryError> errors)
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
                    errors.Add(new InventoryError(source, line, null, $"app '{app.Name}' depends on unknown app '{dependency}'"));
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

        if (DependencyCycle.Find(apps.ToDictionary(a => a.Key, a => a.Value.DependsOn.Select(d => d.App).Where(apps.ContainsKey).ToList())) is { } cycle)
        {
            errors.Add(new InventoryError(source, apps[cycle[0]].First.Line, null,
                $"dependency cycle: {string.Join(" -> ", cycle)}"));
        }
    }

    private static void CheckGeneratedNames(string source, Dictionary<string, AppFacts> apps, DrSettings settings, List<InventoryError> errors)
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

    private sealed class AppFacts(InventoryRow first)
    {
        public InventoryRow First { get; } = first;

        public string Name => First.App;

        public List<(string App, int Line)> DependsOn { get; } = first.DependsOn.Select(d => (d, first.Line)).ToList();

        public SortedSet<string> Clusters { get; } = new(StringComparer.Ordinal) { first.Cluster };

        public void Add(InventoryRow row)
        {
            Clusters.Add(row.Cluster);
            foreach (var dependency in row.DependsOn.Where(d => !DependsOn.Exists(existing => existing.App == d)))
            {
                DependsOn.Add((dependency, row.Line));
            }
        }
    }
}
