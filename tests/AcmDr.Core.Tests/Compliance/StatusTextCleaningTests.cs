using AcmDr.Core.Compliance;
using FluentAssertions;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>Status text from clusters is shown to the user only once it cannot rewrite their terminal.</summary>
[TestClass]
public sealed class StatusTextCleaningTests
{
    [TestMethod]
    public void Missing_text_is_empty()
    {
        StatusText.Clean(null).Should().BeEmpty();
        StatusText.Clean(string.Empty).Should().BeEmpty();
    }

    [TestMethod]
    public void Plain_text_is_kept_as_it_is() =>
        StatusText.Clean("Compliant; notification - pods [a] found").Should().Be("Compliant; notification - pods [a] found");

    [TestMethod]
    public void Spaces_at_the_ends_are_dropped_and_runs_of_white_space_become_one_space()
    {
        StatusText.Clean(" a b").Should().Be("a b");
        StatusText.Clean("a b ").Should().Be("a b");
        StatusText.Clean("a  b").Should().Be("a b");
        StatusText.Clean("a\t\r\nb").Should().Be("a b");
    }

    [TestMethod]
    public void Format_and_private_use_characters_are_dropped_but_other_letters_kept() =>
        StatusText.Clean("a\u200Db\uE000c é").Should().Be("abc é");

    [TestMethod]
    public void Terminal_escapes_are_removed_whole() =>
        StatusText.Clean("\u001b[1;31mred\u001b[0m \u001b]0;title\u0007done").Should().Be("red done");
}
