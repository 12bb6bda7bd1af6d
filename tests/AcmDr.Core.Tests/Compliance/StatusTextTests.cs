using AcmDr.Core.Compliance;
using FluentAssertions;

namespace AcmDr.Core.Tests.Compliance;

[TestClass]
public sealed class StatusTextTests
{
    [TestMethod]
    [DataRow("\u001b[1;31mred\u001b[0m", "red")]
    [DataRow("title\u001b]0;evil\u0007 here", "title here")]
    [DataRow("a\u009b31mb", "a31mb")]
    [DataRow("line\r\nnext\tcol", "line next col")]
    [DataRow("bidi\u202Eevil", "bidievil")]
    [DataRow("  spaced   out  ", "spaced out")]
    [DataRow("dangling\u001b", "dangling")]
    public void Clean_removes_what_a_terminal_would_obey(string input, string expected)
    {
        StatusText.Clean(input).Should().Be(expected);
    }
}
