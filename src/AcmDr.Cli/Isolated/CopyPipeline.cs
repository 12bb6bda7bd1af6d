using System.Text.Json.Nodes;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Isolated;

/// <summary>One VM's copy on its way: the step it is at, what it created so far, and its timeline.</summary>
internal sealed class CopyPipeline(VmCopyPlan plan)
{
    public VmCopyPlan Plan { get; } = plan;

    public VmTimeline Timeline { get; set; } = new(plan.Vm, plan.RtoMinutes);

    public CopyStep Step { get; set; } = CopyStep.Snapshot;

    /// <summary>The snapshot's content, once read (the source of the DataVolumes and the VM copy).</summary>
    public JsonObject? Content { get; set; }

    /// <summary>The DataVolumes created in the bubble, by name.</summary>
    public List<string> DataVolumes { get; } = [];

    /// <summary>Verified or failed: nothing more to do.</summary>
    public bool Finished => Timeline.Verified is not null || Timeline.FailedAt is not null;

    public string Name => Plan.Vm.Vm.ToString();
}
