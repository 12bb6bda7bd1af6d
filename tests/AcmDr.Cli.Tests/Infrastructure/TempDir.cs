namespace AcmDr.Cli.Tests.Infrastructure;

/// <summary>A scratch directory removed at the end of the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "acmdr-test-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string relative, string? content = null)
    {
        var full = System.IO.Path.Combine(Path, relative);
        if (content is not null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllText(full, content);
        }

        return full;
    }

    /// <summary>Every file under the directory with its content, for "nothing changed" assertions.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => System.IO.Path.GetRelativePath(Path, f), System.IO.File.ReadAllText);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch folder in /tmp is harmless.
        }
    }
}
