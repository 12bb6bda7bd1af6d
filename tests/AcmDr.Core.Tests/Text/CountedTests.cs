using AcmDr.Core.Text;
using FluentAssertions;

namespace AcmDr.Core.Tests.Text;

[TestClass]
public sealed class CountedTests
{
    [TestMethod]
    [DataRow(0, "0 VMs")]
    [DataRow(1, "1 VM")]
    [DataRow(2, "2 VMs")]
    [DataRow(10000, "10000 VMs")]
    public void A_count_takes_the_plural_except_for_exactly_one(int count, string words) =>
        Counted.Of(count, "VM").Should().Be(words);

    [TestMethod]
    public void An_irregular_plural_is_used_as_given() =>
        (Counted.Of(1, "policy", "policies") + ", " + Counted.Of(3, "policy", "policies")).Should().Be("1 policy, 3 policies");
}
