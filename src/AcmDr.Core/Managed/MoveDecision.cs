namespace AcmDr.Core.Managed;

/// <summary>
/// Decides what to do with one VM from its current state. Run again on every reading, so a re-run
/// after an interruption picks up where the cluster is, never where the last run thought it was.
/// </summary>
public static class MoveDecision
{
    public const string ErrorUnschedulable = "ErrorUnschedulable";

    public static MoveStep Decide(VmState vm, IReadOnlyDictionary<string, NodeState> nodes, string site, string siteLabel)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(nodes);
        if (!vm.Exists)
        {
            return new(MoveKind.Missing, "not found on the cluster");
        }

        if (vm.PrintableStatus == ErrorUnschedulable)
        {
            return new(MoveKind.Stuck, StuckDiagnosis.Unschedulable(siteLabel, vm.SelectorSite ?? site));
        }

        if (vm.Instance is not { } instance)
        {
            // A restart (ours, or one a re-run finds) deletes the instance before the new one appears.
            if (vm.PrintableStatus is "Starting" or "Provisioning" or "WaitingForVolumeBinding")
            {
                return new(MoveKind.InFlight, $"VM is {vm.PrintableStatus}");
            }

            return new(MoveKind.Stopped, $"stopped ({vm.PrintableStatus ?? "no instance"}): left stopped"
                + (vm.SelectorSite == site ? "" : $"; its nodeSelector says {vm.SelectorSite ?? "no site"}, so it would start there"));
        }

        var node = instance.NodeName is { } name && nodes.TryGetValue(name, out var found) ? found : null;
        if (node is { Ready: false })
        {
            return new(MoveKind.Stuck, StuckDiagnosis.NodeNotReady(node.Name, vm.RunStrategy));
        }

        // A restart or stop under way: the instance shuts down (for up to its grace period) while it
        // still reads Running. Restarting it again would cut that short or stop the new one, so it is
        // waited on; this is also how a restart whose answer was lost is recognised on the next round.
        if (instance.Terminating || vm.PrintableStatus == "Stopping")
        {
            return new(MoveKind.InFlight, "instance is shutting down (a restart or stop is under way)");
        }

        if (vm.MigrationInFlight is { } migration)
        {
            return new(MoveKind.InFlight, $"migration {migration} in flight");
        }

        if (instance.Phase != "Running")
        {
            return new(MoveKind.InFlight, $"instance is {instance.Phase ?? "starting"}");
        }

        if (node?.Site == site)
        {
            return new(MoveKind.AtSite, $"already at {site} (node {node.Name})");
        }

        var from = $"node {instance.NodeName ?? "?"} at {node?.Site ?? "unknown site"}";
        if (vm.SelectorSite != site)
        {
            return new(MoveKind.SelectorElsewhere,
                $"runs on {from} and its nodeSelector {siteLabel} says {vm.SelectorSite ?? "nothing"}, not {site}: set it first (acmdr flip on the hub, or acmdr breakglass)");
        }

        if (!instance.LiveMigratable)
        {
            return new(MoveKind.Restart, $"restart: runs on {from} and is not live-migratable");
        }

        // With the Stage rollout strategy the new nodeSelector reaches the instance only on a restart:
        // a migration would keep it on the old site.
        if (vm.RestartRequired)
        {
            return new(MoveKind.Restart, $"restart: runs on {from} and has RestartRequired (its new nodeSelector applies only on restart)");
        }

        // A migration lands where the instance's own selector says; one that still names another site
        // (read from the instance; unknown counts as no obstacle) has not taken the new one yet. Without
        // RestartRequired, KubeVirt's LiveUpdate passes it on within moments: waited for, since restarting a
        // VM a migration could move would cut its service for nothing.
        return instance.SelectorSite is { } selects && selects != site
            ? new(MoveKind.InFlight, $"runs on {from}; its new nodeSelector has not reached the instance yet (it still selects {selects}; KubeVirt's LiveUpdate passes it on; without LiveUpdate, restart the VM)")
            : new(MoveKind.Migrate, $"live-migrate: runs on {from}");
    }
}
