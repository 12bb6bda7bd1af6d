namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Gets a tool or folder a test needs. When it is missing the test is
/// inconclusive on a developer machine, but fails when
/// <c>ACMDR_REQUIRE_TOOLS=1</c> (CI), so CI can never pass by skipping.
/// </summary>
public static class RequiredTool
{
    public const string EnvironmentVariable = "ACMDR_REQUIRE_TOOLS";

    public static bool IsRequired =>
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

    public static string SharedDir()
    {
        var path = Support.SharedDir.Path;
        if (path is null)
        {
            Missing($"the shared folder (../shared or ${Support.SharedDir.EnvironmentVariable})");
        }

        return path;
    }

    public static string CrdDir() => SharedSub("crds");

    public static string StatusFixturesDir() => SharedSub("acm-status-fixtures");

    public static string Kubectl() => Executable("kubectl");

    public static string Go() => Executable("go");

    public static string Executable(string name)
    {
        var path = FindOnPath(name);
        if (path is null)
        {
            Missing($"{name} (not on PATH)");
        }

        return path;
    }

    public static string? FindOnPath(string name)
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
        SharedDir();
        var path = Support.SharedDir.Sub(name);
        if (path is null)
        {
            Missing($"the shared folder {name}");
        }

        return path;
    }
}
