using AcmDr.Core.Compliance;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Reporting.Hub;

namespace AcmDr.Core.Tests.Reporting;

[TestClass]
public sealed class PolicyObservationsTests
{
    private static readonly HubPolicy DbRoot = Root("db", 1, "finance/db-0, finance/db-1", rto: 15);

    private static (IReadOnlyList<Workload> Workloads, IReadOnlyList<string> Problems) Workloads(params HubPolicy[] policies) =>
        PolicyObservations.Workloads(new HubSnapshot(policies, null), Ns);

    private static IReadOnlyList<PolicyObservation> Observations(params HubPolicy[] policies) =>
        PolicyObservations.From(new HubSnapshot(policies, null), Ns);

    [TestMethod]
    public void A_root_policy_carries_its_vms_with_app_tier_cluster_and_rto()
    {
        var (workloads, problems) = Workloads(DbRoot);

        workloads.Should().Equal(new Workload("db", 1, "finance", "db-0", "stretch-1", 15), new Workload("db", 1, "finance", "db-1", "stretch-1", 15));
        problems.Should().BeEmpty();
    }

    [TestMethod]
    public void A_missing_or_unreadable_rto_leaves_the_vm_without_one()
    {
        var unreadable = Root("db", 1, "finance/db-0") with { Annotations = Map((PolicyNames.VmsAnnotation, "finance/db-0"), (PolicyNames.RtoAnnotation, "15m")) };

        Workloads(unreadable).Workloads.Should().ContainSingle().Which.RtoMinutes.Should().BeNull();
        Workloads(Root("db", 1, "finance/db-0")).Workloads.Should().ContainSingle().Which.RtoMinutes.Should().BeNull();
    }

    [TestMethod]
    public void The_vms_are_read_in_policy_name_order()
    {
        Workloads(Root("web", 2, "web/web-0"), DbRoot).Workloads.Select(w => w.App).Should().Equal("db", "db", "web");
    }

    [TestMethod]
    public void A_policy_missing_a_label_or_the_vms_annotation_or_with_an_unreadable_tier_is_named_and_its_vms_left_out()
    {
        var noApp = DbRoot with { Name = "dr-a", Labels = Without(DbRoot.Labels, PolicyNames.AppLabel) };
        var noCluster = DbRoot with { Name = "dr-b", Labels = Without(DbRoot.Labels, PolicyNames.ClusterLabel) };
        var noTier = DbRoot with { Name = "dr-c", Labels = Without(DbRoot.Labels, PolicyNames.TierLabel) };
        var badTier = DbRoot with { Name = "dr-d", Labels = new Dictionary<string, string>(DbRoot.Labels) { [PolicyNames.TierLabel] = "-1" } };
        var noVms = DbRoot with { Name = "dr-e", Annotations = Map() };

        var (workloads, problems) = Workloads(noApp, noCluster, noTier, badTier, noVms);

        workloads.Should().BeEmpty();
        problems.Should().Equal(
            new[] { "dr-a", "dr-b", "dr-c", "dr-d", "dr-e" }.Select(name => $"policy {name} lacks the acmdr labels or the acmdr.io/vms annotation; its VMs are not reported"));
    }

    [TestMethod]
    public void A_vms_entry_that_is_not_namespace_slash_name_is_named_and_the_others_kept()
    {
        var (workloads, problems) = Workloads(Root("db", 1, "db-0, /db-1, finance/, finance/db-3,,"));

        workloads.Select(w => w.Vm).Should().Equal("db-3");
        problems.Should().Equal(
            "policy dr-db: 'db-0' in acmdr.io/vms is not namespace/name",
            "policy dr-db: '/db-1' in acmdr.io/vms is not namespace/name",
            "policy dr-db: 'finance/' in acmdr.io/vms is not namespace/name");
    }

    [TestMethod]
    public void A_replicated_policy_whose_root_was_not_read_still_carries_its_vms_and_status()
    {
        var (site, running) = (SiteUpdated(Db0, 1), RunningSince(9, "db-0, db-1", "finance"));
        var replica = Replica(DbRoot, site, running);

        Workloads(replica).Workloads.Select(w => w.Vm).Should().Equal("db-0", "db-1");
        Observations(replica).Should().Equal(new PolicyObservation("dr-db", "stretch-1", ComplianceState.Compliant, site, running));
    }

    [TestMethod]
    public void The_root_gives_each_cluster_its_compliance_and_the_replica_its_templates()
    {
        var running = RunningSince(9, "db-0, db-1", "finance");
        var root = DbRoot with { Clusters = [("stretch-1", ComplianceState.NonCompliant), ("stretch-2", ComplianceState.Pending)] };

        Observations(root, Replica(DbRoot, null, running)).Should().BeEquivalentTo(new[]
        {
            new PolicyObservation("dr-db", "stretch-1", ComplianceState.NonCompliant, null, running),
            new PolicyObservation("dr-db", "stretch-2", ComplianceState.Pending, null, null),
        });
    }

    [TestMethod]
    public void Policies_of_another_hub_namespace_are_not_read()
    {
        var elsewhere = Root("db", 1, "finance/db-0", ns: "other");
        var replicaElsewhere = Replica(DbRoot, null, RunningSince(9, "db-0", "finance"), hubNamespace: "other");

        Workloads(elsewhere, replicaElsewhere).Workloads.Should().BeEmpty();
        Observations(elsewhere, replicaElsewhere).Should().BeEmpty();
    }

    [TestMethod]
    public void A_replica_without_its_cluster_label_is_not_matched_to_a_cluster()
    {
        var replica = Replica(DbRoot, null, RunningSince(9, "db-0", "finance"));
        var unlabelled = replica with { Labels = Without(replica.Labels, PolicyObservations.ClusterNameLabel) };

        Observations(unlabelled).Should().BeEmpty();
        Observations(DbRoot, unlabelled).Should().Equal(new PolicyObservation("dr-db", "stretch-1", ComplianceState.Compliant, null, null));
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> labels, string key) =>
        labels.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
