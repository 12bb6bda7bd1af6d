namespace AcmDr.Core.Compliance;

/// <summary>A compliance message taken apart.</summary>
/// <param name="State">The compliance word the message starts with; Unknown if none.</param>
/// <param name="Text">The whole message, cleaned of control characters and escapes.</param>
/// <param name="Detail">The cleaned message after the compliance word.</param>
/// <param name="Objects">Per-object results; empty when the wording was not recognised.</param>
/// <param name="IsTemplateError">The message reports a template (hub or managed) error.</param>
/// <param name="PendingDependencies">For Pending: the dependencies named, e.g. <c>Policy acmdr.dr-db</c>.</param>
public sealed record ParsedComplianceMessage(
    ComplianceState State,
    string Text,
    string Detail,
    IReadOnlyList<ObjectResult> Objects,
    bool IsTemplateError,
    IReadOnlyList<string> PendingDependencies)
{
    /// <summary>The results that name one object of the given kind.</summary>
    public IEnumerable<ObjectResult> About(string kind, string ns, string name) =>
        Objects.Where(o => o.IsAbout(kind, ns, name));
}
