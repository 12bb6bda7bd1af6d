using System.Globalization;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// The compliance history of each template the test's <see cref="PolicyController"/> evaluates: an entry whenever its
/// message changes, worded as the config-policy controller words it (objects of one kind, namespace and result in one
/// message). Shared by the status writers of the stretched cluster and of the hub-local policies.
/// </summary>
public sealed class TemplateHistories(PolicyController controller)
{
    private readonly Dictionary<string, List<(DateTimeOffset At, string Message)>> histories = new(StringComparer.Ordinal);

    /// <summary>The history of <paramref name="template"/> of <paramref name="policy"/>, with the message of the last step added when it changed.</summary>
    public List<(DateTimeOffset At, string Message)> Record(string policy, string template, string compliance, DateTimeOffset at)
    {
        var message = Message(policy, template, compliance);
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
