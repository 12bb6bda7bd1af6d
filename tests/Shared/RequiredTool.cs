namespace AcmDr.TestSupport;

/// <summary>
/// The one rule for what a test needs from the machine (a tool, ../shared): when it is
/// missing the test is inconclusive on a developer machine, but fails when
/// <c>ACMDR_REQUIRE_TOOLS=1</c> (CI, set by .ci/run), so CI can never pass by skipping.
/// Linked into every test project.
/// </summary>
internal static class RequiredTool
{
    public const string EnvironmentVariable = "ACMDR_REQUIRE_TOOLS";

    private static bool IsRequired =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>Ends the test: inconclusive, or failed when tools are required.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string what)
    {
        var message = $"{what} is not available";
        if (IsRequired)
        {
            Assert.Fail($"{message} ({EnvironmentVariable}=1)");
        }

        Assert.Inconclusive(message);
        throw new InvalidOperationException(message);
    }

    public static string CrdDir() => SharedSub("crds");

    public static string StatusFixturesDir() => SharedSub("acm-status-fixtures");

    public static string Kubectl() => Executable("kubectl");

    public static string Go() => Executable("go");

    /// <summary>A program found on PATH.</summary>
    public static string Executable(string name)
    {
        var path = FindOnPath(name);
        if (path is null)
        {
            Missing($"{name} (not on PATH)");
        }

        return path;
    }

    /// <summary>A file at a fixed place, such as /usr/bin/chromium.</summary>
    public static string FileAt(string path)
    {
        if (!File.Exists(path))
        {
            Missing($"{System.IO.Path.GetFileName(path)} ({path})");
        }

        return path;
    }

    private static string? FindOnPath(string name)
    {
        var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in pathVariable.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string SharedSub(string name)
    {
        if (SharedDir.Path is null)
        {
            Missing($"the shared folder (../shared or ${SharedDir.EnvironmentVariable})");
        }

        var path = SharedDir.Sub(name);
        if (path is null)
        {
            Missing($"the shared folder {name}");
        }

        return path;
    }
}
