using System.Globalization;
using System.Text.RegularExpressions;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;

namespace AcmDr.Core.Reporting;

/// <summary>
/// Reads a VM's verdict and reason (ACM's words, or the managed cluster's) into plain words and a
/// next step. A reason that already names its next step (<c>...; next: ...</c>) is kept as it is.
/// </summary>
public static partial class PlainReasons
{
    private const string Next = "next:";

    // The words of VmAssessor.Describe: where the managed cluster saw the instance.
    [GeneratedRegex(@"^instance (?<phase>.+) on node (?<node>.+) at site (?<site>.+) \(target (?<target>.+)\)$")]
    private static partial Regex GroundTruth();

    /// <param name="vm">The VM's verdict and reason.</param>
    /// <param name="tier">Its tier's progress (for a wait: is it past the RTO).</param>
    /// <param name="earlier">The tier before it, if any (what a waiting VM waits for).</param>
    /// <param name="inventoryArgument">The <c>-i</c> the suggested commands repeat; null for the default.</param>
    public static VmFinding Of(VmCompliance vm, TierCompliance? tier, TierCompliance? earlier, string? inventoryArgument = null)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var target = StatusText.Clean(vm.TargetSite);
        var cluster = StatusText.Clean(vm.Cluster);
        var reason = StatusText.Clean(vm.Reason);
        var pastRto = tier?.Rto == RtoStatus.Missed;
        var failure = vm.Verdict is MoveVerdict.NotMoved or MoveVerdict.Unknown
            || (vm.Verdict == MoveVerdict.Waiting && pastRto);
        var scope = string.Join(' ', ScopeWords.Of(inventoryArgument, [StatusText.Clean(vm.App)], []));
        string Report() => $"acmdr report --managed-kubeconfig <kubeconfig of {cluster}> {scope}";
        string Relocate() => $"acmdr relocate --to {target} --cluster {cluster} {scope}";
        VmFinding Finding(FindingKind kind, string plain, string next, params string[] commands) =>
            new(vm, failure, kind, plain, next, commands);

        if (vm.Verdict == MoveVerdict.Moved)
        {
            return Finding(FindingKind.Moved, $"Runs at {target}.", string.Empty);
        }

        var nextAt = reason.LastIndexOf(Next, StringComparison.Ordinal);
        if (nextAt >= 0)
        {
            return Finding(FindingKind.Explained, reason[..nextAt].TrimEnd(' ', ';'), reason[(nextAt + Next.Length)..].Trim());
        }

        if (vm.Verdict == MoveVerdict.Waiting)
        {
            return Waiting(earlier, pastRto, cluster, Finding);
        }

        if (IsNoStatus(reason))
        {
            return Finding(FindingKind.NoStatus,
                $"The hub has had no status from cluster {cluster} for this VM since the flip: the cluster may be offline or its policy add-on not running.",
                $"Check that {cluster} is available and its governance policy add-on runs, then read the cluster itself.",
                Report());
        }

        if (vm.SpecState == ComplianceState.NonCompliant)
        {
            return Finding(FindingKind.PlacementNotApplied,
                $"Its placement at {target} (the VM's nodeSelector) has not been applied on cluster {cluster}.",
                $"Check the governance policy add-on on {cluster} and the placement message in the per-VM table.");
        }

        if (GroundTruth().Match(reason) is { Success: true } truth)
        {
            return Describe(truth, target, vm, Finding, Relocate());
        }

        if (vm.Verdict == MoveVerdict.NotMoved)
        {
            return Finding(FindingKind.NotRunningThere,
                $"It is not running at {target}: its placement is set, but cluster {cluster} reports no instance there as wanted.",
                "See where it runs, then move it.",
                Report(), Relocate());
        }

        return Finding(FindingKind.Unrecognised,
            $"Whether it moved cannot be told from the status: {reason}",
            "Read the cluster itself.",
            Report());
    }

    private static bool IsNoStatus(string reason) =>
        (reason.StartsWith("policy ", StringComparison.Ordinal) && reason.Contains(" has no status for cluster ", StringComparison.Ordinal))
        || reason.StartsWith("no compliance report since the flip", StringComparison.Ordinal)
        || reason.StartsWith("no status for this template", StringComparison.Ordinal)
        || (reason.StartsWith("template is ", StringComparison.Ordinal) && reason.EndsWith("(no history)", StringComparison.Ordinal));

    private static VmFinding Waiting(
        TierCompliance? earlier, bool pastRto, string cluster,
        Func<FindingKind, string, string, string[], VmFinding> finding)
    {
        if (earlier is null)
        {
            return finding(FindingKind.Waiting, "Waiting for a dependency of its policy.",
                pastRto ? $"Past its RTO: check the dependencies of its policy and the governance policy add-on on {cluster}." : string.Empty, []);
        }

        var plain = string.Create(CultureInfo.InvariantCulture, $"Waiting for tier {earlier.Tier} to move first.");
        string next;
        if (earlier.Verdict == MoveVerdict.Moved)
        {
            next = string.Create(CultureInfo.InvariantCulture,
                $"Tier {earlier.Tier} has moved: if it still waits after ACM's next evaluation, check the governance policy add-on on {cluster}.");
        }
        else
        {
            next = pastRto
                ? string.Create(CultureInfo.InvariantCulture, $"Past its RTO: tier {earlier.Tier} has not finished moving; fix its VMs first.")
                : string.Create(CultureInfo.InvariantCulture, $"Nothing yet: it moves once tier {earlier.Tier} has moved.");
        }

        return finding(FindingKind.Waiting, plain, next, []);
    }

    private static VmFinding Describe(
        Match truth, string target, VmCompliance vm,
        Func<FindingKind, string, string, string[], VmFinding> finding, string relocate)
    {
        var phase = truth.Groups["phase"].Value;
        var site = truth.Groups["site"].Value;
        var node = truth.Groups["node"].Value;
        if (phase == "no instance")
        {
            return finding(FindingKind.NoInstance, "It has no running instance.",
                $"Start it; its placement puts it at {target}.", [$"virtctl start -n {StatusText.Clean(vm.Namespace)} {StatusText.Clean(vm.Vm)}"]);
        }

        if (phase != "Running")
        {
            return finding(FindingKind.NoInstance, $"Its instance is {phase} on node {node}, not running.",
                $"See why it does not run on cluster {StatusText.Clean(vm.Cluster)}; move it once it runs.", [relocate]);
        }

        return site == "no site"
            ? finding(FindingKind.RunsElsewhere, $"It runs on node {node}, which has no site label.",
                $"Give the node its site label, or move the VM to {target}.", [relocate])
            : finding(FindingKind.RunsElsewhere, $"It runs at site {site} (node {node}), not at {target}.",
                $"Move it to {target}.", [relocate]);
    }
}
