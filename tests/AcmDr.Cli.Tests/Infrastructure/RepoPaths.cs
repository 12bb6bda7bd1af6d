namespace AcmDr.Cli.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } =
        SharedDir.RepoRoot ?? throw new InvalidOperationException("cannot find AcmDr.sln above the test binaries");

    public static string SampleInventory => Path.Combine(Root, "inventory", "apps.csv");
}
