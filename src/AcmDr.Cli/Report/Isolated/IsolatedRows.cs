using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>The isolated report's tables as clean one-line cells (no escaping: each format escapes for itself).</summary>
internal static class IsolatedRows
{
    public static readonly string[] TierHeaders = ["Tier", "Verified", "Took", "RTO", "Against RTO"];

    public static readonly string[] VmHeaders = ["Tier", "App", "VM", "Verdict", "Snapshot", "Copy", "Boot", "Took", "RTO", "Consistency", "Node", "Reason"];

    public const int VerdictColumn = 3;
    public const int ReasonColumn = 11;

    /// <summary>The VM columns a narrow table leaves out first: the node, the app, the RTO, then the step times (TOOK stays).</summary>
    public static readonly int[] OptionalVmColumns = [10, 1, 8, 6, 5, 4];

    public static string[] Tier(IsolatedTierResult tier) =>
    [
        tier.Tier.ToString(CultureInfo.InvariantCulture),
        string.Create(CultureInfo.InvariantCulture, $"{tier.Recovered}/{tier.Total}"),
        IsolatedWords.Took(tier.Took),
        IsolatedWords.Rto(tier.RtoMinutes),
        TierAgainst(tier),
    ];

    /// <summary>met, missed, no target or not measured.</summary>
    public static string TierAgainst(IsolatedTierResult tier) => IsolatedWords.RtoState(tier) switch
    {
        "noTarget" => "no target",
        "notMeasured" => "not measured",
        var state => state,
    };

    public static string[] Vm(IsolatedVmResult vm) =>
    [
        vm.Vm.Tier.ToString(CultureInfo.InvariantCulture),
        StatusText.Clean(vm.Vm.App),
        Name(vm),
        IsolatedWords.VerdictText(vm.Verdict),
        IsolatedWords.Took(vm.SnapshotTook),
        IsolatedWords.Took(vm.CopyTook),
        IsolatedWords.Took(vm.BootTook),
        IsolatedWords.Took(vm.Took),
        IsolatedWords.Rto(vm.RtoMinutes),
        IsolatedWords.Consistency(vm.Consistency),
        vm.Node is null ? "-" : StatusText.Clean(vm.Node),
        StatusText.Clean(vm.Reason),
    ];

    public static string Name(IsolatedVmResult vm) => StatusText.Clean($"{vm.Vm.Vm.Namespace}/{vm.Vm.Vm.Name}");

    /// <summary>The VMs in tier order, then as the run listed them.</summary>
    public static IReadOnlyList<IsolatedVmResult> Ordered(IsolatedReport report) =>
        [.. report.Vms.Select((v, i) => (v, i)).OrderBy(p => p.v.Vm.Tier).ThenBy(p => p.i).Select(p => p.v)];
}
