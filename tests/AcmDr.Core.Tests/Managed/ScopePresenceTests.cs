using AcmDr.Core.Managed;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>When a command on a managed cluster refuses because most of its VMs are not there.</summary>
[TestClass]
public sealed class ScopePresenceTests
{
    private static WrongClusterTarget Target(string context, string? named) =>
        new(context, "https://api.s2:6443", "stretch-1", named, ["stretch-1", "stretch-2"]);

    [TestMethod]
    [DataRow(0, 36, false)]
    [DataRow(1, 3, false)]
    [DataRow(2, 4, false)]
    [DataRow(3, 5, true)]
    [DataRow(1, 1, true)]
    [DataRow(36, 36, true)]
    [DataRow(0, 0, false)]
    public void Most_missing_means_more_than_half_and_at_least_one(int missing, int total, bool expected) =>
        ScopePresence.MostMissing(missing, total).Should().Be(expected);

    [TestMethod]
    public void A_context_of_another_inventory_cluster_is_refused_with_exit_2_and_the_cluster_flag_that_fits_it()
    {
        var refusal = FluentActions.Invoking(() => ScopePresence.Check(36, 36, Target("stretch-2", "stretch-1"))).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("context 'stretch-2' (https://api.s2:6443) does not hold 36 of the 36 VMs of --cluster stretch-1 in scope: "
            + "wrong cluster? pass --cluster stretch-2 to act on this context's cluster, or the --context of cluster stretch-1; nothing was written");
    }

    [TestMethod]
    public void A_context_named_after_no_inventory_cluster_is_told_to_pick_the_right_context() =>
        ScopePresence.Refusal(2, 3, Target("admin", null)).Should().Be("context 'admin' (https://api.s2:6443) does not hold 2 of the 3 VMs of cluster 'stretch-1' in scope: "
            + "wrong cluster? pass the --context of cluster stretch-1, or the --cluster this context belongs to; nothing was written");

    [TestMethod]
    public void Half_missing_goes_on() =>
        FluentActions.Invoking(() => ScopePresence.Check(2, 4, Target("stretch-1", null))).Should().NotThrow();
}
