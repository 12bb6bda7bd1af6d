namespace AcmDr.Core.Compliance;

/// <summary>
/// One object group named in a compliance message, e.g.
/// <c>virtualmachineinstances [vm-a, vm-b] found as specified in namespace apps</c>.
/// </summary>
/// <param name="Kind">Resource plural as the controller prints it, e.g. <c>virtualmachineinstances</c>.</param>
/// <param name="Namespace">Null for cluster-scoped objects or when the message names no namespace.</param>
/// <param name="Names">Object names; empty when the message names none.</param>
/// <param name="Outcome">What was found.</param>
/// <param name="Text">The cleaned words of the message part this result came from.</param>
public sealed record ObjectResult(
    string Kind,
    string? Namespace,
    IReadOnlyList<string> Names,
    ObjectOutcome Outcome,
    string Text)
{
    /// <summary>
    /// True when this result names <paramref name="name"/> in <paramref name="ns"/>
    /// (a result without a namespace matches any namespace).
    /// </summary>
    public bool IsAbout(string kind, string ns, string name) =>
        string.Equals(Kind, kind, StringComparison.OrdinalIgnoreCase)
        && (Namespace is null || string.Equals(Namespace, ns, StringComparison.Ordinal))
        && Names.Contains(name, StringComparer.Ordinal);
}
