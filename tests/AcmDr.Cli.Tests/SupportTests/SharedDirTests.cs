using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class SharedDirTests
{
    [TestMethod]
    public void RepoRoot_HoldsTheSolution()
    {
        SharedDir.RepoRoot.Should().NotBeNull();
        File.Exists(Path.Combine(SharedDir.RepoRoot!, "AcmDr.sln")).Should().BeTrue();
    }

    [TestMethod]
    public void CrdDir_HoldsCrds()
    {
        Directory.EnumerateFiles(RequiredTool.CrdDir(), "*.yaml").Should().NotBeEmpty();
    }

    [TestMethod]
    public void MissingTool_IsInconclusive_OrFailsWhenRequired()
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
