using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;

namespace AcmDr.Cli.Report;

/// <summary>Puts scope, what the hub said and ground truth together and summarises them.</summary>
internal static class ReportAssembler
{
    public static ReportData Assemble(
        ReportScope scope, HubSnapshot snapshot, IReadOnlyList<VmGroundTruth> groundTruth,
        IReadOnlyList<string> sources, DateTimeOffset now)
    {
        var warnings = new List<string>();
        var (flips, flipProblem) = FlipHistory.Read(snapshot.Switch?.FlipHistory);
        if (flipProblem is not null)
        {
            warnings.Add(flipProblem);
        }

        var target = TargetSite(scope, snapshot, flips);
        var overrides = scope.To is null ? Overrides(scope, snapshot, warnings) : null;
        var workloads = scope.InventoryWorkloads;
        if (workloads is null)
        {
            var (fromPolicies, problems) = PolicyObservations.Workloads(snapshot, scope.HubNamespace);
            workloads = fromPolicies;
            warnings.AddRange(problems);
        }

        var inScope = workloads.Where(scope.Includes).ToList();
        if (inScope.Count == 0)
        {
            warnings.Add(snapshot.Policies.Count == 0
                ? $"no acmdr policies found (label app.kubernetes.io/managed-by=acmdr, hub namespace {scope.HubNamespace}): nothing in scope"
                : "no VM in scope");
        }

        var flipAt = scope.FlipAt ?? flips.FirstOrDefault(f => f.To == target)?.At ?? (flips.Count > 0 ? flips[0].At : null);
        var observation = new ComplianceObservation(inScope, target, flipAt,
            PolicyObservations.From(snapshot, scope.HubNamespace), groundTruth, now, overrides);
        return new ReportData(ComplianceSummariser.Summarise(observation), scope.HubNamespace, flips, sources, warnings);
    }

    private static string TargetSite(ReportScope scope, HubSnapshot snapshot, IReadOnlyList<FlipHistoryEntry> flips)
    {
        string? target = scope.To;
        if (target is null && snapshot.Switch is { } sw)
        {
            sw.Data.TryGetValue("site", out target);
        }

        target ??= flips.Count > 0 ? flips[0].To : null;
        if (string.IsNullOrEmpty(target))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                "no target site: give --to SITE (the dump holds no acmdr-sites ConfigMap or flip history to tell where VMs should run)");
        }

        if (!scope.Settings.IsSite(target))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                $"unknown site '{target}': the sites are {string.Join(", ", scope.Settings.Sites)}");
        }

        return target;
    }

    /// <summary>The switch's tier and app overrides; one naming an unknown site is left out (the hub fails closed on it).</summary>
    private static Dictionary<string, string>? Overrides(ReportScope scope, HubSnapshot snapshot, List<string> warnings)
    {
        if (snapshot.Switch is not { } sw)
        {
            return null;
        }

        var overrides = sw.Data
            .Where(kv => kv.Key.StartsWith("tier-", StringComparison.Ordinal) || kv.Key.StartsWith("app-", StringComparison.Ordinal))
            .Where(kv => kv.Value.Length > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (key, site) in overrides.Where(kv => !scope.Settings.IsSite(kv.Value)).ToList())
        {
            warnings.Add($"the switch's {key} names unknown site '{site}' (the hub does not enforce it); its VMs are measured against the global site");
            overrides.Remove(key);
        }

        return overrides.Count == 0 ? null : overrides;
    }
}
