namespace AcmDr.FakeKube.Tests;

/// <summary>
/// Finds external tools; a missing tool makes a test inconclusive locally but fails it when
/// ACMDR_REQUIRE_TOOLS=1 (CI), so CI cannot pass by silently skipping.
/// </summary>
internal static class RequiredTools
{
    public static string Kubectl() => Find("kubectl");

    private static string Find(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var message = $"{tool} is not installed";
        if (Environment.GetEnvironmentVariable("ACMDR_REQUIRE_TOOLS") == "1")
        {
            Assert.Fail($"{message} and ACMDR_REQUIRE_TOOLS=1");
        }

        Assert.Inconclusive(message);
        return "";
    }
}
