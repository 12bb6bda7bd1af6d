namespace AcmDr.TestSupport;

/// <summary>
/// Locates the shared folder (CRDs, status fixtures) that lives beside the
/// repository, so tests read it in place instead of copying it.
/// </summary>
internal static class SharedDir
{
    public const string EnvironmentVariable = "ACMDR_SHARED_DIR";

    private static readonly Lazy<string?> RepoRootLazy = new(() => FindRepoRoot(AppContext.BaseDirectory));

    /// <summary>The folder holding AcmDr.sln, or null when not found above the test binaries.</summary>
    public static string? RepoRoot => RepoRootLazy.Value;

    /// <summary>
    /// The shared folder: <c>ACMDR_SHARED_DIR</c> when set, else <c>../shared</c>
    /// relative to the repository root; null when it does not exist.
    /// </summary>
    public static string? Path
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Directory.Exists(fromEnvironment) ? System.IO.Path.GetFullPath(fromEnvironment) : null;
            }

            if (RepoRoot is null)
            {
                return null;
            }

            var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    /// <summary>A sub-folder of the shared folder, or null when either is missing.</summary>
    public static string? Sub(string name)
    {
        var shared = Path;
        if (shared is null)
        {
            return null;
        }

        var sub = System.IO.Path.Combine(shared, name);
        return Directory.Exists(sub) ? sub : null;
    }

    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AcmDr.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
