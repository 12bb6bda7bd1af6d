using FluentAssertions;

namespace AcmDr.Core.Tests;

[TestClass]
public sealed class AcmDrExceptionTests
{
    [TestMethod]
    public void An_error_without_an_exit_code_is_invalid_input()
    {
        var inner = new InvalidOperationException("cause");

        new AcmDrException().Should().BeEquivalentTo(new { ExitCode = ExitCodes.InvalidInput, Message = "acmdr error" });
        new AcmDrException("bad").Should().BeEquivalentTo(new { ExitCode = ExitCodes.InvalidInput, Message = "bad" });
        new AcmDrException("bad", inner).Should().BeEquivalentTo(new { ExitCode = ExitCodes.InvalidInput, Message = "bad", InnerException = inner });
        new AcmDrException(ExitCodes.Refused, "no").ExitCode.Should().Be(ExitCodes.Refused);
    }
}
