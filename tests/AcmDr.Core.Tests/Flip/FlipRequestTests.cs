using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class FlipRequestTests
{
    private static FlipRequest Reason(string? reason) => new("DR", [], [], false, reason);

    [TestMethod]
    public void A_request_naming_an_app_or_a_tier_is_scoped()
    {
        new FlipRequest("DR", [], [], false, null).IsScoped.Should().BeFalse();
        new FlipRequest("DR", ["db"], [], false, null).IsScoped.Should().BeTrue();
        new FlipRequest("DR", [], [2], false, null).IsScoped.Should().BeTrue();
    }

    [TestMethod]
    public void No_reason_or_a_plain_one_up_to_the_limit_can_be_recorded()
    {
        Reason(null).ReasonProblem().Should().BeNull();
        Reason("rehearsal 42 — ünïcode").ReasonProblem().Should().BeNull();
        Reason(new string('r', FlipRequest.MaxReasonLength)).ReasonProblem().Should().BeNull();
    }

    [TestMethod]
    public void A_reason_over_the_limit_is_refused_with_its_length()
    {
        Reason(new string('r', FlipRequest.MaxReasonLength + 1)).ReasonProblem()
            .Should().Be("--reason is 1025 characters long; at most 1024 are recorded");
    }

    [TestMethod]
    [DataRow("two\nlines", "U+000A")]
    [DataRow("\u001b[31mred", "U+001B")]
    [DataRow("tab\there", "U+0009")]
    public void A_reason_with_a_control_character_is_refused_naming_it(string reason, string code)
    {
        Reason(reason).ReasonProblem().Should().Be($"--reason holds a control character ({code}); write it on one line, without escapes");
    }
}
