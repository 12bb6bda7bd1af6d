namespace AcmDr.Core.Compliance;

/// <summary>
/// Parses one policy status or history message, e.g.
/// <c>NonCompliant; violation - virtualmachineinstances [vm-c] found but not as specified in namespace apps</c>.
/// Never throws: unknown wording gives the compliance word with no per-object detail.
/// </summary>
public static class ComplianceMessage
{
    public static ParsedComplianceMessage Parse(string? message)
    {
        var text = StatusText.Clean(message);
        var separator = text.IndexOf(';', StringComparison.Ordinal);
        var word = separator < 0 ? text : text[..separator];
        var state = StateOf(word.Trim());
        var detail = state == ComplianceState.Unknown
            ? text
            : separator < 0 ? string.Empty : text[(separator + 1)..].Trim();

        var pending = ObjectResultGrammar.PendingDependencies().Match(detail);
        return new ParsedComplianceMessage(
            state,
            text,
            detail,
            ObjectResultParser.Parse(detail),
            ObjectResultGrammar.TemplateError().IsMatch(detail),
            pending.Success ? ObjectResultGrammar.SplitList(pending.Groups["deps"].Value) : []);
    }

    /// <summary>Reads a compliance word as ACM writes it (<c>Compliant</c>, <c>NonCompliant</c>, <c>Pending</c>).</summary>
    public static ComplianceState StateOf(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "COMPLIANT" => ComplianceState.Compliant,
        "NONCOMPLIANT" => ComplianceState.NonCompliant,
        "PENDING" => ComplianceState.Pending,
        _ => ComplianceState.Unknown,
    };
}
