using AcmDr.Core.Doctor;
using FluentAssertions;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>The summary line and exit code of all findings: warnings pass, any failure is exit 4.</summary>
[TestClass]
public sealed class DoctorVerdictTests
{
    [TestMethod]
    public void Warnings_alone_pass()
    {
        var verdict = DoctorVerdict.Of([Finding.Ok("a"), Finding.Warn("b", "x"), Finding.Ok("c")]);

        verdict.Line.Should().Be("2 ok, 1 warning, 0 failures");
        verdict.ExitCode.Should().Be(ExitCodes.Success);
    }

    [TestMethod]
    public void One_failure_is_exit_4()
    {
        var verdict = DoctorVerdict.Of([Finding.Fail("a", "x"), Finding.Warn("b", "x"), Finding.Warn("c", "y")]);

        verdict.Line.Should().Be("0 ok, 2 warnings, 1 failure");
        verdict.ExitCode.Should().Be(4);
    }

    [TestMethod]
    public void A_line_is_the_prefix_the_text_and_the_fix()
    {
        Finding.Ok("namespace acmdr found").Line.Should().Be("ok   namespace acmdr found");
        Finding.Fail("gone", "apply it").Line.Should().Be("fail gone; fix: apply it");
        Finding.Warn("slow", "raise it").Line.Should().Be("warn slow; fix: raise it");
    }
}
