namespace AcmDr.Core.Compliance;

/// <summary>
/// What the hub reports for one acmdr policy on one cluster: the root policy's
/// <c>status.status[]</c> entry and the replicated policy's two templates.
/// </summary>
/// <param name="Policy">Root policy name (<c>dr-web</c>) or replicated name (<c>acmdr.dr-web</c>).</param>
/// <param name="Cluster">The managed cluster.</param>
/// <param name="ClusterCompliance">The root's compliance for this cluster.</param>
/// <param name="Site">The <c>-site</c> template, null when not reported.</param>
/// <param name="Running">The <c>-running</c> template, null when not reported.</param>
public sealed record PolicyObservation(
    string Policy,
    string Cluster,
    ComplianceState ClusterCompliance,
    TemplateObservation? Site,
    TemplateObservation? Running)
{
    /// <summary>True when this observation is about the root policy <paramref name="rootName"/>.</summary>
    public bool IsFor(string rootName) =>
        string.Equals(Policy, rootName, StringComparison.Ordinal)
        || Policy.EndsWith("." + rootName, StringComparison.Ordinal);
}
