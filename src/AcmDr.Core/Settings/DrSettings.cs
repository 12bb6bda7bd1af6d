using AcmDr.Core.Inventory;

namespace AcmDr.Core.Settings;

/// <summary>
/// Where the DR resources live and what the sites are called. Defaults match a stock ACM hub and
/// a stretched cluster with nodes labelled <c>topology.kubernetes.io/site=Primary|DR</c>, and a flip
/// that live-migrates running VMs (<see cref="Settings.MoveRunning.Migrate"/>).
/// </summary>
public sealed record DrSettings(
    string HubNamespace,
    string SiteLabel,
    IReadOnlyList<string> Sites,
    string ClusterSet,
    MoveRunning MoveRunning = MoveRunning.Migrate,
    DualSettings? DualOrNull = null)
{
    /// <summary>The dual-cluster topology's settings (<see cref="DualSettings.Default"/> unless the settings file has <c>dual:</c>).</summary>
    public DualSettings Dual => DualOrNull ?? DualSettings.Default;

    public static DrSettings Default { get; } =
        new("acmdr", "topology.kubernetes.io/site", ["Primary", "DR"], "default");

    /// <summary>The first site: where VMs run in normal operation.</summary>
    public string HomeSite => Sites[0];

    /// <summary>The site name as the user spelt it, matched case-sensitively like a node label value.</summary>
    public bool IsSite(string value) => Sites.Contains(value, StringComparer.Ordinal);

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Names.IsDns1123Label(HubNamespace))
        {
            problems.Add($"hubNamespace '{HubNamespace}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63)");
        }
        else if (HubNamespace.Length > 40)
        {
            // Replicated policies are named <namespace>.<policy> and must fit in 63 characters.
            problems.Add($"hubNamespace '{HubNamespace}' is longer than 40 characters, leaving too little room for policy names");
        }

        if (!Names.IsLabelKey(SiteLabel))
        {
            problems.Add($"siteLabel '{SiteLabel}' is not a valid Kubernetes label key");
        }

        if (Sites.Count < 2)
        {
            problems.Add("sites must name at least two sites (the first is home)");
        }

        foreach (var site in Sites)
        {
            if (!Names.IsLabelValue(site))
            {
                problems.Add($"site '{site}' is not a valid label value (letters, digits, '-', '_', '.', at most 63, alphanumeric at both ends)");
            }
        }

        var duplicate = Sites.GroupBy(s => s.ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add($"sites name '{duplicate.Key}' more than once (compared without case, since overlays are folders named after sites)");
        }

        if (!Names.IsDns1123Label(ClusterSet))
        {
            problems.Add($"clusterSet '{ClusterSet}' is not a DNS-1123 label");
        }

        problems.AddRange(Dual.Problems());

        return problems;
    }
}
