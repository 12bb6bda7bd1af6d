using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// What the Go harness answered. <see cref="Object"/> is set by hub mode,
/// <see cref="ObjectTemplates"/> and <see cref="Evaluations"/> by managed mode.
/// </summary>
// "Object" mirrors the harness's JSON field; the type-name clash is harmless here.
#pragma warning disable CA1720
public sealed record GoTemplateResult(
    bool Ok,
    string? Error,
    string? Yaml,
    JsonObject? Object,
    IReadOnlyList<JsonNode> ObjectTemplates,
    IReadOnlyList<TemplateEvaluation> Evaluations);
#pragma warning restore CA1720

/// <summary>
/// How one object template compares with the existing objects, as the
/// configuration-policy controller would judge it.
/// </summary>
/// <param name="Result">"compliant", "noncompliant" or "notfound".</param>
/// <param name="Message">The first difference found, for noncompliant.</param>
public sealed record TemplateEvaluation(
    string Name,
    string Namespace,
    string Kind,
    string ComplianceType,
    string Result,
    string? Message);
