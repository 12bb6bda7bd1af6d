using AcmDr.Core.Managed;

namespace AcmDr.Core.Compliance;

/// <summary>
/// Why a VM read on its managed cluster is not at its target yet, and what moves it: what an admin reads
/// mid-failover. Relocation's decision (<see cref="MoveDecision"/>) says what the VM needs; this says it
/// for someone who flipped the hub and expected the policy to move it, whose <c>-move</c> template
/// migrates only a Running, live-migratable instance on a Ready node whose own nodeSelector already
/// names the target, with no migration in flight and whose last migration did not fail.
/// </summary>
public static class NotMovedReason
{
    /// <summary>"reason; next: step", cleaned for display; null when the VM's state was not read.</summary>
    public static string? Of(VmGroundTruth truth, string target, string? siteLabel)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.State is not { } vm)
        {
            return null;
        }

        var nodes = truth.NodeState is { } node
            ? new Dictionary<string, NodeState>(StringComparer.Ordinal) { [node.Name] = node }
            : new Dictionary<string, NodeState>(StringComparer.Ordinal);
        var step = MoveDecision.Decide(vm, nodes, target, siteLabel ?? "the site label");
        return StatusText.Clean(step.Kind switch
        {
            MoveKind.Missing => Say("the VM is not on this cluster", "check the inventory, and that --managed-context names this VM's cluster"),
            MoveKind.Stuck => Stuck(vm, truth.NodeState, siteLabel),
            MoveKind.InFlight => Say(step.Reason, "wait for it"),
            MoveKind.Stopped => Stopped(vm, target),
            MoveKind.SelectorElsewhere => Say(
                $"{Where(truth)}; its nodeSelector still says {vm.SelectorSite ?? "no site"}: the site template has not set it yet (policy Pending or NonCompliant)",
                "wait for the app's -site template (the SPEC column), or acmdr breakglass if the hub is down"),
            MoveKind.Restart => Restart(truth, vm, target),
            MoveKind.Migrate => Migratable(truth, vm, target),
            _ => step.Reason,
        });
    }

    private static string Say(string reason, string next) => $"{reason}; next: {next}";

    private static string Where(VmGroundTruth truth) =>
        $"runs on node {truth.Node ?? "?"} at {truth.NodeSite ?? "no site"}";

    private static string Stuck(VmState vm, NodeState? node, string? siteLabel)
    {
        if (vm.PrintableStatus == MoveDecision.ErrorUnschedulable || node is not { Ready: false })
        {
            return Say("no node can take it (ErrorUnschedulable)",
                $"check that nodes labelled {siteLabel ?? "with the site label"}={vm.SelectorSite ?? "?"} are Ready, untainted and have room; "
                + $"if its old node is down, fence it (taint {StuckDiagnosis.OutOfServiceTaint})");
        }

        var then = StuckDiagnosis.IsRecreated(vm.RunStrategy)
            ? $"so KubeVirt recreates it where its nodeSelector says ({vm.SelectorSite ?? "no site"}; runStrategy {vm.RunStrategy ?? "Always"})"
            : $"then start it (virtctl start): its runStrategy {vm.RunStrategy} does not recreate it";
        return Say($"node {node.Name} is NotReady: a migration cannot leave it and the policy does not move it",
            $"fence the node, or if it is down for good taint it (kubectl taint node {node.Name} {StuckDiagnosis.OutOfServiceTaint}), {then}");
    }

    private static string Stopped(VmState vm, string target)
    {
        var where = vm.SelectorSite == target
            ? $"it starts at {target}"
            : $"its nodeSelector says {vm.SelectorSite ?? "no site"}, so it would start there";
        return Say($"stopped ({vm.PrintableStatus ?? "no instance"}): a flip moves only running VMs; {where}", "nothing, or virtctl start if it should run");
    }

    /// <summary>What relocation would restart: the policy only migrates, so these wait for <c>acmdr relocate</c>.</summary>
    private static string Restart(VmGroundTruth truth, VmState vm, string target)
    {
        var next = $"acmdr relocate (restarts it at {target})";
        if (vm.Instance is { LiveMigratable: false })
        {
            return Say($"{Where(truth)}; not live-migratable, so the flip cannot migrate it", next);
        }

        // Relocation restarts only what cannot live-migrate and what says RestartRequired.
        var selects = vm.Instance?.SelectorSite ?? truth.NodeSite ?? "the old site";
        return Say($"{Where(truth)}; RestartRequired: its new nodeSelector reaches the instance only on restart, and a migration would land at {selects} again", next);
    }

    /// <summary>What relocation would migrate: the policy holds back where the instance's selector is unknown or its last migration failed.</summary>
    private static string Migratable(VmGroundTruth truth, VmState vm, string target)
    {
        if (vm.Instance?.SelectorSite is null)
        {
            return Say($"{Where(truth)}; its instance's nodeSelector names no site, so the policy does not migrate it (it could land anywhere)",
                $"acmdr relocate (restarts or migrates it to {target})");
        }

        if (vm.Instance.LastMigrationFailed)
        {
            return Say($"{Where(truth)}; its last migration failed" + (vm.Instance.LastMigrationFailure is { } why ? $" ({why})" : "")
                + "; the policy does not retry it", "fix what made it fail, then acmdr relocate (migrates it once more)");
        }

        return Say($"{Where(truth)}; live-migratable and nothing holds it back: the policy's -move template migrates it when it next runs",
            "wait, or acmdr relocate");
    }
}
