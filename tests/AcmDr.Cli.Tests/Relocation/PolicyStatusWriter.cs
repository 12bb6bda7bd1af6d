using System.Globalization;
using AcmDr.Cli.Tests.Report;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// The status half of ACM for the test's controller: after each step it writes each placed policy's
/// replicated policy on the hub (via <see cref="Propagation"/>), with a history entry for the -site and
/// -running templates whenever their message changes, worded as the config-policy controller words it.
/// </summary>
public sealed class PolicyStatusWriter(PolicyController controller, Propagation acm, string cluster, TimeProvider clock)
{
    private readonly Dictionary<string, List<(DateTimeOffset At, string Message)>> histories = new(StringComparer.Ordinal);

    public void Write()
    {
        var now = clock.GetUtcNow();
        foreach (var (policy, compliance) in controller.Compliance)
        {
            var site = Add($"{policy}-site", Message(policy, $"{policy}-site", compliance), now);
            var running = Add($"{policy}-running", Message(policy, $"{policy}-running", compliance), now);
            acm.Report(policy, cluster, compliance, site, running);
        }
    }

    private List<(DateTimeOffset At, string Message)> Add(string template, string message, DateTimeOffset at)
    {
        if (!histories.TryGetValue(template, out var history))
        {
            history = [];
            histories[template] = history;
        }

        if (history.Count == 0 || history[^1].Message != message)
        {
            history.Add((at, message));
        }

        return history;
    }

    private string Message(string policy, string template, string compliance)
    {
        if (compliance == PolicyController.Pending)
        {
            var unmet = controller.PendingOn[policy];
            return string.Create(CultureInfo.InvariantCulture,
                $"Pending; Dependencies were not satisfied: {unmet.Count} {(unmet.Count == 1 ? "is" : "are")} still pending ({string.Join(", ", unmet)})");
        }

        var outcomes = controller.Outcomes.GetValueOrDefault(template) ?? [];
        var state = controller.Templates.GetValueOrDefault(template) ?? PolicyController.NonCompliant;
        if (outcomes.Count == 0)
        {
            return state == PolicyController.Compliant
                ? $"Compliant; notification - {template} contains no object templates to check, and thus has no violations"
                : $"NonCompliant; template-error; {template} could not be evaluated";
        }

        var parts = outcomes
            .GroupBy(o => (o.Result, o.Kind, o.Namespace))
            .Select(g => $"{(g.Key.Result is "compliant" or "created" or "updated" ? "notification" : "violation")} - {g.Key.Kind.ToLowerInvariant()}s [{string.Join(", ", g.Select(o => o.Name))}] {Verb(g.Key.Result)} in namespace {g.Key.Namespace}");
        return $"{state}; {string.Join("; ", parts)}";
    }

    private static string Verb(string result) => result switch
    {
        "compliant" => "found as specified",
        "notfound" => "not found",
        "created" => "was created successfully",
        "updated" => "was updated successfully",
        _ => "found but not as specified",
    };
}
