namespace AcmDr.Core.Manifests;

/// <summary>One file acmdr writes: a path relative to the output directory and its YAML documents.</summary>
public sealed record GeneratedFile(string RelativePath, IReadOnlyList<Mapping> Documents);

/// <summary>
/// A file to write whose documents are built only when <see cref="Build"/> is called. Knowing every
/// path up front, without building anything, lets a writer hand whole files to several cores: each
/// builds, renders and compares its own, and holds one tree at a time.
/// </summary>
public sealed class PendingFile(string relativePath, Func<IReadOnlyList<Mapping>> documents)
{
    public string RelativePath { get; } = relativePath;

    public GeneratedFile Build() => new(RelativePath, documents());
}
