using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class SharedDirTests
{
    [TestMethod]
    public void The_repository_root_holds_the_solution()
    {
        SharedDir.RepoRoot.Should().NotBeNull();
        File.Exists(Path.Combine(SharedDir.RepoRoot!, "AcmDr.sln")).Should().BeTrue();
    }

    [TestMethod]
    public void The_CRD_folder_holds_CRDs()
    {
        Directory.EnumerateFiles(RequiredTool.CrdDir(), "*.yaml").Should().NotBeEmpty();
    }

    [TestMethod]
    public void A_missing_tool_is_inconclusive_or_fails_when_required()
    {
        var saved = Environment.GetEnvironmentVariable(RequiredTool.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(RequiredTool.EnvironmentVariable, null);
            FluentActions.Invoking(() => RequiredTool.Missing("frobnicator")).Should().Throw<AssertInconclusiveException>();

            Environment.SetEnvironmentVariable(RequiredTool.EnvironmentVariable, "1");
            FluentActions.Invoking(() => RequiredTool.Missing("frobnicator")).Should().Throw<AssertFailedException>()
                .WithMessage("*frobnicator*");
        }
        finally
        {
            Environment.SetEnvironmentVariable(RequiredTool.EnvironmentVariable, saved);
        }
    }
}
