using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Core.Isolated;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Isolated;

/// <summary>The plan of a dry run: each bubble, then per tier what each VM's copy would create; nothing is created.</summary>
public static class IsolatedDryRun
{
    public static void Print(TextWriter output, string heading, CopyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        output.WriteLine($"dry run: {heading}; nothing is created");
        foreach (var bubble in plan.Bubbles)
        {
            var networks = bubble.SecondaryNetworks.Count == 0 ? "no secondary network" : $"isolated networks {string.Join(", ", bubble.SecondaryNetworks)}";
            // The quota as the ResourceQuota the run would create holds it, key by key.
            var quota = IsolatedObjects.Bubble(bubble, plan.Options).Single(o => o["kind"]?.GetValue<string>() == "ResourceQuota")["spec"]?["hard"] as JsonObject ?? [];
            var hard = string.Join(", ", quota.Select(q => $"{q.Key}={q.Value}"));
            output.WriteLine(
                $"bubble {bubble.Namespace} for {bubble.ProductionNamespace}: isolated primary network {plan.Options.PrimarySubnet}, default-deny policy, {networks}; quota {hard}");
        }

        foreach (var tier in plan.Vms.GroupBy(v => v.Vm.Tier).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tier {tier.Key}:"));
            foreach (var vm in tier)
            {
                var disks = string.Join(", ", vm.Claims.Select(c => $"{c.Name} ({c.Size ?? "size unknown"}, {c.StorageClass ?? "default class"})"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {vm.Vm.Vm}: snapshot {vm.SnapshotName} in {vm.Vm.Vm.Namespace}; DataVolumes {(disks.Length == 0 ? "none" : disks)} in {vm.BubbleNamespace}; VM copy {vm.Vm.Vm.Name} at {plan.Options.DrSite} (cpu {Quantities.FormatMilliCpu(vm.MilliCpu)}, memory {Size(vm.Memory)}{(plan.Options.NewIdentity ? ", new MACs, serial and firmware UUID" : ", same MACs")})"));
            }
        }
    }

    private static string Size(long bytes) => Quantities.FormatBytes(bytes);
}
