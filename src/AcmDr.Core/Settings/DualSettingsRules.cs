using System.Globalization;
using AcmDr.Core.Inventory;

namespace AcmDr.Core.Settings;

/// <summary>
/// What the <c>dual:</c> settings must hold, one rule per value so the settings file reader can place each
/// problem at its line and column, and <see cref="Problems"/> for settings built any other way.
/// Each message names the setting as written in <c>acmdr.yaml</c>.
/// </summary>
public static class DualSettingsRules
{
    private const string LabelRule = "lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63";

    public static string? NamespaceProblem(string value) =>
        Names.IsDns1123Label(value) ? null : $"dual.namespace '{Shown(value)}' is not a DNS-1123 label ({LabelRule})";

    public static string? HubClusterProblem(string value) =>
        Names.IsDns1123Label(value) ? null : $"dual.hubCluster '{Shown(value)}' is not a DNS-1123 label ({LabelRule}): it is the hub's own managed-cluster name";

    public static string? PvcLabelProblem(string value) =>
        Names.IsLabelKey(value) ? null : $"dual.pvcLabel '{Shown(value)}' is not a valid Kubernetes label key";

    public static string? DrPolicyNameProblem(string name) =>
        Names.IsDns1123Subdomain(name) ? null : $"dual.drPolicies: name '{Shown(name)}' is not a DNS-1123 subdomain (DNS-1123 labels joined by '.', at most 253)";

    public static string? ClusterProblem(string policy, string cluster) =>
        Names.IsDns1123Label(cluster) ? null : $"dual.drPolicies: cluster '{Shown(cluster)}' of DRPolicy '{Shown(policy)}' is not a DNS-1123 label ({LabelRule})";

    /// <summary>A DRPolicy pairs two different clusters (Ramen's DRPolicy has exactly two).</summary>
    public static string? ClustersProblem(DrPolicyPair pair) =>
        pair.ClusterA == pair.ClusterB
            ? $"dual.drPolicies: DRPolicy '{Shown(pair.Name)}' names cluster '{Shown(pair.ClusterA)}' twice: a DRPolicy pairs two different clusters"
            : null;

    /// <summary>A DRPolicy named again, or a second DRPolicy for a pair: each dual app's pair must lead to one DRPolicy.</summary>
    public static string? RepeatProblem(DrPolicyPair pair, IReadOnlyList<DrPolicyPair> before)
    {
        foreach (var earlier in before)
        {
            if (earlier.Name == pair.Name)
            {
                return $"dual.drPolicies: DRPolicy '{Shown(pair.Name)}' is listed twice{FirstAt(earlier.Line)}";
            }

            if (earlier.Pairs(pair.ClusterA, pair.ClusterB))
            {
                return $"dual.drPolicies: DRPolicy '{Shown(pair.Name)}' pairs '{Shown(pair.ClusterA)}' and '{Shown(pair.ClusterB)}' like DRPolicy '{Shown(earlier.Name)}'{FirstAt(earlier.Line, "on")}: name one DRPolicy per cluster pair, so each dual app's pair has one";
            }
        }

        return null;
    }

    public static string? AppNameProblem(string app) =>
        Names.IsDns1123Label(app) ? null : $"dual.apps: '{Shown(app)}' is not an app name (a DNS-1123 label: {LabelRule})";

    public static string? AppRepeatProblem(DualAppOverride app, IReadOnlyList<DualAppOverride> before)
    {
        foreach (var earlier in before)
        {
            if (earlier.App == app.App)
            {
                return $"dual.apps lists app '{Shown(app.App)}' twice{FirstAt(earlier.Line)}";
            }
        }

        return null;
    }

    public static string? EmptySelectorProblem(DualAppOverride app) =>
        app.PvcMatchLabels.Count == 0
            ? $"dual.apps.{Shown(app.App)}.pvcSelector.matchLabels is empty: it would select every PVC of the namespace; name at least one label"
            : null;

    public static string? MatchLabelKeyProblem(string app, string key) =>
        Names.IsLabelKey(key) ? null : $"dual.apps.{Shown(app)}.pvcSelector.matchLabels: '{Shown(key)}' is not a valid Kubernetes label key";

    public static string? MatchLabelValueProblem(string app, string key, string value) =>
        Names.IsLabelValue(value)
            ? null
            : $"dual.apps.{Shown(app)}.pvcSelector.matchLabels: value '{Shown(value)}' of '{Shown(key)}' is not a valid label value (letters, digits, '-', '_', '.', at most 63, alphanumeric at both ends)";

    /// <summary>Every problem of <paramref name="settings"/>, for settings not read from a file (the reader places each at its line).</summary>
    public static IReadOnlyList<string> Problems(DualSettings settings)
    {
        var problems = new List<string>();
        Add(problems, NamespaceProblem(settings.Namespace));
        Add(problems, HubClusterProblem(settings.HubCluster));
        Add(problems, PvcLabelProblem(settings.PvcLabel));
        var pairs = new List<DrPolicyPair>(settings.DrPolicies.Count);
        foreach (var pair in settings.DrPolicies)
        {
            Add(problems, DrPolicyNameProblem(pair.Name));
            Add(problems, ClusterProblem(pair.Name, pair.ClusterA));
            Add(problems, ClusterProblem(pair.Name, pair.ClusterB));
            Add(problems, ClustersProblem(pair));
            Add(problems, RepeatProblem(pair, pairs));
            pairs.Add(pair);
        }

        var apps = new List<DualAppOverride>(settings.Apps.Count);
        foreach (var app in settings.Apps)
        {
            Add(problems, AppNameProblem(app.App));
            Add(problems, AppRepeatProblem(app, apps));
            Add(problems, EmptySelectorProblem(app));
            foreach (var (key, value) in app.PvcMatchLabels)
            {
                Add(problems, MatchLabelKeyProblem(app.App, key));
                Add(problems, MatchLabelValueProblem(app.App, key, value));
            }

            apps.Add(app);
        }

        return problems;
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    private static string FirstAt(int line, string word = "first on") =>
        line > 0 ? $" ({word} line {line.ToString(CultureInfo.InvariantCulture)})" : string.Empty;

    private static string Shown(string value) => ColumnMap.Printable(value);
}
