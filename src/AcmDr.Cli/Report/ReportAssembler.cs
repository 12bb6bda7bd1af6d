using AcmDr.Core;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report;

/// <summary>Puts scope, what the hub said and ground truth together and summarises them.</summary>
internal static class ReportAssembler
{
    public static ReportData Assemble(
        ReportScope scope, HubSnapshot snapshot, IReadOnlyList<VmGroundTruth> groundTruth,
        IReadOnlyList<string> sources, DateTimeOffset now)
    {
        var warnings = new List<string>();
        var (flips, flipProblem) = FlipHistory.Parse(snapshot.Switch?.FlipHistory);
        if (flipProblem is not null)
        {
            warnings.Add(flipProblem);
        }

        var target = TargetSite(scope, snapshot, flips, warnings);
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
            PolicyObservations.From(snapshot, scope.HubNamespace), groundTruth, now);
        return new ReportData(ComplianceSummariser.Summarise(observation), scope.HubNamespace, flips, sources, warnings);
    }

    private static string TargetSite(ReportScope scope, HubSnapshot snapshot, IReadOnlyList<FlipRecord> flips, List<string> warnings)
    {
        string? target = scope.To;
        if (target is null && snapshot.Switch is { } sw)
        {
            sw.Data.TryGetValue("site", out target);
            var overrides = sw.Data.Keys.Where(k => k.StartsWith("tier-", StringComparison.Ordinal) || k.StartsWith("app-", StringComparison.Ordinal)).ToList();
            if (overrides.Count > 0)
            {
                warnings.Add($"the switch has overrides ({string.Join(", ", overrides)}); the report measures every VM against site {target}: use --to with --tier/--app to check an override");
            }
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
}
