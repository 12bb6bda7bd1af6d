using System.Text;

namespace AcmDr.Core.Manifests;

/// <summary>One file acmdr writes: a path relative to the output directory and its YAML documents.</summary>
public sealed record GeneratedFile(string RelativePath, IReadOnlyList<Mapping> Documents);

/// <summary>
/// A file to write whose documents are built only when <see cref="Build"/> is called, with the
/// caller's reusable text buffer for what is built as text (the running-check template). Knowing every
/// path up front, without building anything, lets a writer hand whole files to several cores: each
/// builds, renders and compares its own, and holds one tree at a time.
/// </summary>
public sealed class PendingFile(string relativePath, Func<StringBuilder, IReadOnlyList<Mapping>> documents)
{
    public string RelativePath { get; } = relativePath;

    public GeneratedFile Build(StringBuilder scratch) => new(RelativePath, documents(scratch));
}
