using AcmDr.Core.Doctor;
using FluentAssertions;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>Whether KubeVirt moves VMs when asked: update method, migration limits against the largest tier, live migration.</summary>
[TestClass]
public sealed class KubeVirtChecksTests
{
    private const string Subject = "cluster stretch-1";
    private const string Name = "cluster stretch-1: KubeVirt kubevirt/kubevirt";

    private static readonly KubeVirtReading Plain = new("kubevirt", "kubevirt", ["LiveMigrate"], null, null, [], "v1.4.1", null);

    private static IReadOnlyList<string> Lines(KubeVirtReading kv, TierLoad? largest = null, int? nodes = 2) =>
        [.. KubeVirtChecks.Check(Subject, [kv], largest ?? new TierLoad(1, 3), nodes).Select(f => f.Line)];

    [TestMethod]
    public void Update_methods_without_LiveMigrate_warn_with_the_patch_that_adds_it_before_the_others() =>
        Lines(Plain with { WorkloadUpdateMethods = ["Evict"] })[0].Should().Be(
            $"warn {Name}: workloadUpdateMethods [Evict] lack LiveMigrate: a KubeVirt update does not migrate running VMs; "
            + """fix: oc patch kubevirt kubevirt -n kubevirt --type merge -p '{"spec":{"workloadUpdateStrategy":{"workloadUpdateMethods":["LiveMigrate","Evict"]}}}'""");

    [TestMethod]
    public void Unset_update_methods_warn_too() =>
        Lines(Plain with { WorkloadUpdateMethods = [] })[0].Should().StartWith($"warn {Name}: workloadUpdateMethods not set lack LiveMigrate");

    [TestMethod]
    public void A_tier_larger_than_the_cluster_limit_warns_with_its_waves_and_the_limit_it_needs() =>
        Lines(Plain with { ParallelMigrationsPerCluster = 4 }, new TierLoad(3, 10))[1].Should().Be(
            $"warn {Name}: parallelMigrationsPerCluster 4 is below tier 3's 10 VMs: they migrate in 3 waves; "
            + """fix: oc patch kubevirt kubevirt -n kubevirt --type merge -p '{"spec":{"configuration":{"migrations":{"parallelMigrationsPerCluster":10}}}}'""");

    [TestMethod]
    public void Under_a_HyperConverged_the_fix_patches_the_HyperConverged_which_would_undo_a_change_of_the_KubeVirt() =>
        Lines(Plain with { HyperConverged = "kubevirt-hyperconverged" }, new TierLoad(1, 6))[1].Should().Be(
            $"warn {Name}: parallelMigrationsPerCluster 5 (default) is below tier 1's 6 VMs: they migrate in 2 waves; "
            + """fix: oc patch hyperconverged kubevirt-hyperconverged -n kubevirt --type merge -p '{"spec":{"liveMigrationConfig":{"parallelMigrationsPerCluster":6}}}'""");

    [TestMethod]
    public void A_limit_equal_to_the_tier_covers_it() =>
        Lines(Plain with { ParallelMigrationsPerCluster = 3 })[1].Should().Be($"ok   {Name}: parallelMigrationsPerCluster 3 covers tier 1's 3 VMs");

    [TestMethod]
    public void The_per_node_limit_is_held_against_the_tier_spread_over_the_fewest_Ready_nodes_of_a_site() =>
        Lines(Plain, new TierLoad(2, 9), nodes: 2)[2].Should().Be(
            $"warn {Name}: parallelOutboundMigrationsPerNode 2 (default) is below the 5 per node of tier 2's 9 VMs on 2 Ready nodes: they leave each node in waves; "
            + """fix: oc patch kubevirt kubevirt -n kubevirt --type merge -p '{"spec":{"configuration":{"migrations":{"parallelOutboundMigrationsPerNode":5}}}}'""");

    [TestMethod]
    public void Without_Ready_nodes_or_VMs_the_limits_are_only_reported()
    {
        Lines(Plain, nodes: null)[2].Should().Be($"ok   {Name}: parallelOutboundMigrationsPerNode 2 (default)");
        KubeVirtChecks.Check(Subject, [Plain], null, 2).Select(f => f.Line).Should().Contain($"ok   {Name}: parallelMigrationsPerCluster 5 (default)");
    }

    [TestMethod]
    public void The_feature_gate_counts_whatever_the_version() =>
        Lines(Plain with { Version = "v0.50.0", FeatureGates = ["LiveMigration"] })[3].Should().Be($"ok   {Name}: feature gate LiveMigration on");

    [TestMethod]
    public void A_version_before_the_gate_went_GA_without_the_gate_warns_that_relocate_restarts() =>
        Lines(Plain with { Version = "v0.55.2", FeatureGates = ["Snapshot"] })[3].Should().Be(
            $"warn {Name}: v0.55.2 has no LiveMigration feature gate: acmdr relocate restarts VMs instead of migrating them; "
            + """fix: oc patch kubevirt kubevirt -n kubevirt --type merge -p '{"spec":{"configuration":{"developerConfiguration":{"featureGates":["Snapshot","LiveMigration"]}}}}', or upgrade KubeVirt to v0.56 or later""");

    [TestMethod]
    public void An_unknown_version_without_the_gate_warns_that_it_cannot_tell() =>
        Lines(Plain with { Version = null })[3].Should().Be(
            $"warn {Name}: reports no version and no LiveMigration feature gate: whether VMs can live-migrate is unknown; "
            + "fix: oc get kubevirt kubevirt -n kubevirt -o jsonpath='{.status.observedKubeVirtVersion}' should say v0.56 or later");

    [TestMethod]
    [DataRow("v0.56.0", true)]
    [DataRow("0.58.1-rc.1", true)]
    [DataRow("v1.0.0", true)]
    [DataRow("v0.55.9", false)]
    [DataRow("v0.9", false)]
    [DataRow("latest", null)]
    [DataRow("", null)]
    public void Live_migration_is_GA_from_v0_56(string version, bool? expected) =>
        KubeVirtChecks.LiveMigrationIsGa(version).Should().Be(expected);

    [TestMethod]
    public void A_per_node_limit_equal_to_the_need_covers_it_and_a_set_value_is_not_called_default() =>
        Lines(Plain with { ParallelOutboundMigrationsPerNode = 3 }, new TierLoad(1, 6), nodes: 2)[2].Should()
            .Be($"ok   {Name}: parallelOutboundMigrationsPerNode 3 covers tier 1's 6 VMs on 2 Ready nodes (3 per node)");

    [TestMethod]
    public void Under_a_HyperConverged_the_per_node_fix_patches_its_live_migration_config() =>
        Lines(Plain with { HyperConverged = "hc", ParallelOutboundMigrationsPerNode = 1 }, new TierLoad(1, 4), nodes: 2)[2].Should().EndWith(
            """fix: oc patch hyperconverged hc -n kubevirt --type merge -p '{"spec":{"liveMigrationConfig":{"parallelOutboundMigrationsPerNode":2}}}'""");

    [TestMethod]
    public void An_old_KubeVirt_under_a_HyperConverged_is_told_to_upgrade() =>
        Lines(Plain with { HyperConverged = "hc", Version = "v0.49.0" })[3].Should().Be(
            $"warn {Name}: v0.49.0 has no LiveMigration feature gate: acmdr relocate restarts VMs instead of migrating them; fix: upgrade OpenShift Virtualization (KubeVirt v0.56 or later always live-migrates)");

    [TestMethod]
    public void Of_several_KubeVirts_the_first_by_namespace_and_name_is_judged() =>
        KubeVirtChecks.Check(Subject, [Plain with { Namespace = "b", Name = "a" }, Plain with { Namespace = "a", Name = "z" }, Plain with { Namespace = "a", Name = "y" }], null, null)[0].Text.Should()
            .StartWith("cluster stretch-1: KubeVirt a/y:");

    [TestMethod]
    [DataRow("V1.2", true)]
    [DataRow("1.2.0", true)]
    [DataRow("0.55", false)]
    public void Versions_are_read_with_or_without_their_v(string version, bool expected) =>
        KubeVirtChecks.LiveMigrationIsGa(version).Should().Be(expected);
}
