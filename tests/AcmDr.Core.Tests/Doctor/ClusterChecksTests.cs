using AcmDr.Core.Doctor;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>A managed cluster's prerequisites of a flip: Ready nodes at every site, KubeVirt that live-migrates, the inventory's VMs.</summary>
[TestClass]
public sealed class ClusterChecksTests
{
    private static readonly KubeVirtReading Hco = new("openshift-cnv", "kubevirt-kubevirt-hyperconverged", ["LiveMigrate"], null, null, [], "v1.4.1", "kubevirt-hyperconverged");

    private static readonly VmRef[] AllVms = [new("finance", "db-0"), new("finance", "db-1"), new("web", "web-0")];

    private static ClusterReading Healthy() => new(
        "stretch-1",
        [new NodeState("p-1", "Primary", true), new NodeState("p-2", "Primary", true), new NodeState("d-1", "DR", true), new NodeState("d-2", "DR", true)],
        [Hco],
        AllVms.ToHashSet());

    private static IReadOnlyList<string> Lines(ClusterReading cluster, DrPlan? plan = null) =>
        [.. ClusterChecks.Check(plan ?? HubReadings.Plan, cluster).Select(f => f.Line)];

    [TestMethod]
    public void A_healthy_cluster_gives_one_ok_line_per_check() =>
        Lines(Healthy()).Should().Equal(
            "ok   cluster stretch-1: 2 nodes at site Primary (2 Ready)",
            "ok   cluster stretch-1: 2 nodes at site DR (2 Ready)",
            "ok   cluster stretch-1: KubeVirt openshift-cnv/kubevirt-kubevirt-hyperconverged: workloadUpdateMethods [LiveMigrate] include LiveMigrate",
            "ok   cluster stretch-1: KubeVirt openshift-cnv/kubevirt-kubevirt-hyperconverged: parallelMigrationsPerCluster 5 (default) covers tier 1's 2 VMs",
            "ok   cluster stretch-1: KubeVirt openshift-cnv/kubevirt-kubevirt-hyperconverged: parallelOutboundMigrationsPerNode 2 (default) covers tier 1's 2 VMs on 2 Ready nodes (1 per node)",
            "ok   cluster stretch-1: KubeVirt openshift-cnv/kubevirt-kubevirt-hyperconverged: v1.4.1 live-migrates (LiveMigration is GA since v0.56)",
            "ok   cluster stretch-1: 3 VMs of the inventory found");

    [TestMethod]
    public void A_site_without_a_Ready_node_fails_with_the_label_to_set()
    {
        var lines = Lines(Healthy() with { Nodes = [new NodeState("p-1", "Primary", true), new NodeState("d-1", "DR", false)] });

        lines[1].Should().Be("fail cluster stretch-1: no Ready node at site DR (1 node labelled topology.kubernetes.io/site=DR, none Ready): VMs sent there cannot run; "
            + "fix: oc label node NODE topology.kubernetes.io/site=DR for each node of site DR");
    }

    [TestMethod]
    public void A_site_without_any_node_says_no_node_carries_its_label() =>
        Lines(Healthy() with { Nodes = [new NodeState("p-1", "Primary", true), new NodeState("x-1", null, true)] })[1].Should()
            .StartWith("fail cluster stretch-1: no Ready node at site DR (no node labelled topology.kubernetes.io/site=DR): VMs sent there cannot run");

    [TestMethod]
    public void A_cluster_without_KubeVirt_fails_once_instead_of_per_setting()
    {
        var lines = Lines(Healthy() with { KubeVirts = [] });

        lines.Should().HaveCount(4);
        lines[2].Should().Be("fail cluster stretch-1: no KubeVirt found (kubevirt.io/v1 kubevirts in any namespace); fix: install OpenShift Virtualization (its HyperConverged creates the KubeVirt), or check the context");
    }

    [TestMethod]
    public void Missing_inventory_VMs_are_counted_and_named()
    {
        var lines = Lines(Healthy() with { FoundVms = new HashSet<VmRef> { new("finance", "db-0") } });

        lines[^1].Should().Be("fail cluster stretch-1: 2 of 3 VMs of the inventory not found (finance/db-1, web/web-0); "
            + "fix: create them, correct the inventory's cluster column, or give this cluster's context as --managed-context stretch-1=CONTEXT");
    }

    [TestMethod]
    public void Only_the_VMs_of_this_cluster_are_looked_for()
    {
        var plan = Plans.Plan("db,1,finance,db-0,stretch-1,15,\nweb,2,web,web-0,stretch-2,30,\n");

        Lines(Healthy() with { FoundVms = new HashSet<VmRef> { new("finance", "db-0") } }, plan)[^1].Should()
            .Be("ok   cluster stretch-1: 1 VM of the inventory found");
    }

    [TestMethod]
    public void The_largest_tier_counts_the_VMs_of_all_its_apps_and_the_fewest_Ready_nodes_of_a_site()
    {
        var plan = Plans.Plan("db,1,finance,db-0,stretch-1,15,\nmq,2,mq,mq-0,stretch-1,15,\nmq,2,mq,mq-1,stretch-1,15,\nweb,2,web,web-0,stretch-1,30,\n");
        var cluster = Healthy() with
        {
            Nodes = [new NodeState("p-1", "Primary", true), new NodeState("p-2", "Primary", true), new NodeState("p-3", "Primary", true), new NodeState("d-1", "DR", true)],
            KubeVirts = [Hco with { ParallelMigrationsPerCluster = 3, ParallelOutboundMigrationsPerNode = 3 }],
        };

        var lines = Lines(cluster, plan);

        lines[3].Should().EndWith("parallelMigrationsPerCluster 3 covers tier 2's 3 VMs");
        lines[4].Should().EndWith("parallelOutboundMigrationsPerNode 3 covers tier 2's 3 VMs on 1 Ready node (3 per node)");
    }

    [TestMethod]
    public void Of_equal_tiers_the_lower_is_named() =>
        Lines(Healthy(), Plans.Plan("db,1,finance,db-0,stretch-1,15,\nweb,2,web,web-0,stretch-1,30,\n"))[3].Should()
            .EndWith("parallelMigrationsPerCluster 5 (default) covers tier 1's 1 VM");

    [TestMethod]
    public void A_cluster_without_inventory_VMs_only_reports_the_limits()
    {
        var lines = Lines(Healthy() with { FoundVms = new HashSet<VmRef>() }, Plans.Plan("db,1,finance,db-0,stretch-2,15,\n"));

        lines[3].Should().EndWith(": parallelMigrationsPerCluster 5 (default)");
        lines[^1].Should().Be("ok   cluster stretch-1: 0 VMs of the inventory found");
    }
}
