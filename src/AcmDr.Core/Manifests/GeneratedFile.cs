namespace AcmDr.Core.Manifests;

/// <summary>One file acmdr writes: a path relative to the output directory and its YAML documents.</summary>
public sealed record GeneratedFile(string RelativePath, IReadOnlyList<Mapping> Documents);
