namespace AcmDr.Core.Compliance;

/// <summary>What one template message says about one VM.</summary>
internal sealed record VmReading(ComplianceState State, string Reason)
{
    internal static readonly string[] InstanceKinds = ["virtualmachineinstances", "virtualmachines"];
    internal static readonly string[] VmKinds = ["virtualmachines"];

    /// <summary>
    /// A result that names the VM decides; otherwise the message's own state holds for every
    /// VM of the template (unknown wording degrades to the template's compliance).
    /// </summary>
    internal static VmReading Of(ParsedComplianceMessage message, IReadOnlyList<string> kinds, Workload vm)
    {
        if (message.State == ComplianceState.Pending)
        {
            return new(ComplianceState.Pending, message.Detail);
        }

        if (message.IsTemplateError)
        {
            return new(ComplianceState.Unknown, message.Detail);
        }

        var named = message.Objects
            .Where(o => kinds.Any(kind => o.IsAbout(kind, vm.Namespace, vm.Vm)))
            .ToList();
        if (named.Count == 0)
        {
            return new(message.State, message.Detail);
        }

        var bad = named.FirstOrDefault(o => !IsGood(o.Outcome));
        return bad is null
            ? new(ComplianceState.Compliant, named[0].Text)
            : new(ComplianceState.NonCompliant, bad.Text);
    }

    /// <summary>
    /// The template's newest word on the VM. A report older than the flip speaks about the
    /// old site, so it counts as no report.
    /// </summary>
    internal static VmReading Latest(TemplateObservation? template, IReadOnlyList<string> kinds, Workload vm, DateTimeOffset? flipAt)
    {
        if (template is null)
        {
            return new(ComplianceState.Unknown, "no status for this template");
        }

        var history = NewestFirst(template.History);
        if (history.Count == 0)
        {
            return new(template.Compliance, $"template is {template.Compliance} (no history)");
        }

        var latest = history[0];
        if (flipAt is { } flip && latest.At is { } at && at < flip)
        {
            return new(ComplianceState.Unknown, $"no compliance report since the flip (last: {latest.Parsed.Text})");
        }

        return Of(latest.Parsed, kinds, vm);
    }

    internal static IReadOnlyList<HistoryEntry> NewestFirst(IReadOnlyList<HistoryEntry> history) =>
        history.All(h => h.At is not null)
            ? history.OrderByDescending(h => h.At).ToList()
            : history;

    private static bool IsGood(ObjectOutcome outcome) =>
        outcome is ObjectOutcome.FoundAsSpecified or ObjectOutcome.Created or ObjectOutcome.Updated;
}
