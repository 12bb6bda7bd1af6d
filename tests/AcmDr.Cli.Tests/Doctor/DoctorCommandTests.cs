using System.Globalization;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Report;
using FluentAssertions;
using static AcmDr.Cli.Tests.Doctor.DoctorSetup;

namespace AcmDr.Cli.Tests.Doctor;

/// <summary><c>acmdr doctor</c> through the command line, against a fake hub and a fake managed cluster.</summary>
[TestClass]
public sealed class DoctorCommandTests
{
    private const string Kv = "cluster stretch-1: KubeVirt openshift-cnv/kubevirt-kubevirt-hyperconverged";

    private static readonly string[] Healthy =
    [
        "ok   namespace acmdr found on the hub",
        "ok   switch ConfigMap acmdr/acmdr-sites: site Primary",
        "ok   ManagedClusterSetBinding acmdr/default: Bound",
        "ok   2 policies of the inventory found in acmdr",
        "ok   2 policies placed on their cluster",
        "ok   2 policies report Compliant",
        "ok   cluster stretch-1: 2 nodes at site Primary (2 Ready)",
        "ok   cluster stretch-1: 2 nodes at site DR (2 Ready)",
        $"ok   {Kv}: workloadUpdateMethods [LiveMigrate, Evict] include LiveMigrate",
        $"ok   {Kv}: parallelMigrationsPerCluster 5 (default) covers tier 1's 2 VMs",
        $"ok   {Kv}: parallelOutboundMigrationsPerNode 2 (default) covers tier 1's 2 VMs on 2 Ready nodes (1 per node)",
        $"ok   {Kv}: v1.4.1 live-migrates (LiveMigration is GA since v0.56)",
        "ok   cluster stretch-1: 3 VMs of the inventory found",
    ];

    private static string[] Lines(CliResult result) => result.Out.TrimEnd('\n').Split('\n');

    [TestMethod]
    public async Task A_ready_hub_and_cluster_give_all_ok_and_exit_0()
    {
        await using var setup = await StartAsync();

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(0, result.ToString());
        Lines(result).Should().Equal([.. Healthy, "13 ok, 0 warnings, 0 failures"]);
        result.Err.Should().BeEmpty();
        setup.Hub.Server.Requests.Entries.Concat(setup.Managed.Server.Requests.Entries).Should().OnlyContain(r => r.Method == "GET", "doctor only reads");
    }

    [TestMethod]
    public async Task Without_managed_clusters_only_the_hub_is_checked()
    {
        await using var setup = await StartAsync();

        var result = await setup.Hub.AcmdrAsync(TimeProvider.System, "doctor");

        result.ExitCode.Should().Be(0, result.ToString());
        Lines(result).Should().Equal([.. Healthy.Take(6), "6 ok, 0 warnings, 0 failures"]);
    }

    [TestMethod]
    public async Task A_missing_switch_is_one_failure_line_and_exit_4()
    {
        await using var setup = await StartAsync();
        setup.Hub.Server.Store.Delete(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites");

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(4, result.ToString());
        Lines(result).Should().Equal([
            Healthy[0],
            "fail switch ConfigMap acmdr/acmdr-sites not found on the hub; fix: acmdr generate, then oc apply -k policies/base",
            .. Healthy[2..],
            "12 ok, 0 warnings, 1 failure"]);
    }

    [TestMethod]
    public async Task A_missing_namespace_is_one_line_for_the_whole_hub()
    {
        await using var setup = await StartAsync();
        setup.Hub.Server.Store.Delete(string.Empty, "v1", "namespaces", null, "acmdr");

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(4, result.ToString());
        Lines(result).Should().Equal([
            "fail namespace acmdr not found on the hub; fix: oc create namespace acmdr, then acmdr generate, then oc apply -k policies/base and oc apply -k placements/",
            .. Healthy[6..],
            "7 ok, 0 warnings, 1 failure"]);
    }

    [TestMethod]
    public async Task An_unknown_site_on_the_switch_fails()
    {
        await using var setup = await StartAsync();
        setup.Hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map => map["data"]!["site"] = "Dr");

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(4, result.ToString());
        Lines(result)[1].Should().Be("fail switch ConfigMap acmdr/acmdr-sites says site 'Dr', not one of the sites Primary, DR: no policy is delivered (they fail closed); fix: acmdr flip --to SITE, SITE one of Primary, DR");
    }

    [TestMethod]
    public async Task A_missing_policy_a_missing_binding_and_a_silent_policy_each_give_their_line()
    {
        await using var setup = await StartAsync();
        var store = setup.Hub.Server.Store;
        store.Delete("policy.open-cluster-management.io", "v1", "policies", "acmdr", "dr-web");
        store.Delete(ClusterGroup, "v1beta2", "managedclustersetbindings", "acmdr", "default");
        SetCompliance(setup.Hub, "dr-db", null);

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(4, result.ToString());
        Lines(result)[..6].Should().Equal(
            Healthy[0],
            Healthy[1],
            "fail ManagedClusterSetBinding acmdr/default not found on the hub: no Placement in acmdr can select a cluster; fix: oc apply -k placements/",
            "fail 1 of 2 policies of the inventory not found in acmdr: dr-web; fix: acmdr generate, then oc apply -k policies/base",
            "ok   1 policy placed on its cluster",
            "fail 1 policy on stretch-1 reports no compliance (dr-db); fix: check the policy add-ons of stretch-1 (oc get managedclusteraddons -n stretch-1)");
        Lines(result)[^1].Should().Be("10 ok, 0 warnings, 3 failures");
    }

    [TestMethod]
    public async Task A_placement_without_a_decision_for_the_cluster_leaves_its_policies_unplaced()
    {
        await using var setup = await StartAsync();
        setup.Hub.Server.Store.Delete(ClusterGroup, "v1beta1", "placementdecisions", "acmdr", "acmdr-stretch-1-decision-1");
        SetCompliance(setup.Hub, "dr-db", null);
        SetCompliance(setup.Hub, "dr-web", null);

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(4, result.ToString());
        Lines(result)[4].Should().Be("fail Placement acmdr/acmdr-stretch-1 selects no cluster stretch-1: 2 policies not placed on stretch-1 (dr-db, dr-web); "
            + "fix: check that ManagedCluster stretch-1 has the label name=stretch-1 and is in ManagedClusterSet default (oc get managedcluster stretch-1 --show-labels)");
        Lines(result)[5].Should().Be(Healthy[6], "unplaced policies are not also reported silent");
    }

    [TestMethod]
    public async Task A_non_compliant_policy_and_KubeVirt_settings_warn_but_pass()
    {
        await using var setup = await StartAsync();
        SetCompliance(setup.Hub, "dr-web", "NonCompliant");
        setup.Managed.Server.Store.Update("kubevirt.io", "v1", "kubevirts", KubeVirtNamespace, KubeVirtName, kv =>
        {
            kv["spec"]!["workloadUpdateStrategy"]!["workloadUpdateMethods"] = new System.Text.Json.Nodes.JsonArray("Evict");
            kv["spec"]!["configuration"]!["migrations"] = new System.Text.Json.Nodes.JsonObject { ["parallelMigrationsPerCluster"] = 1, ["parallelOutboundMigrationsPerNode"] = 1 };
        });

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(0, result.ToString());
        Lines(result).Should().Equal([
            .. Healthy[..5],
            "warn 1 policy not compliant: dr-web NonCompliant on stretch-1; fix: acmdr report shows which VMs and why",
            .. Healthy[6..8],
            $"warn {Kv}: workloadUpdateMethods [Evict] lack LiveMigrate: a KubeVirt update does not migrate running VMs; "
                + """fix: oc patch hyperconverged kubevirt-hyperconverged -n openshift-cnv --type merge -p '{"spec":{"workloadUpdateStrategy":{"workloadUpdateMethods":["LiveMigrate","Evict"]}}}'""",
            $"warn {Kv}: parallelMigrationsPerCluster 1 is below tier 1's 2 VMs: they migrate in 2 waves; "
                + """fix: oc patch hyperconverged kubevirt-hyperconverged -n openshift-cnv --type merge -p '{"spec":{"liveMigrationConfig":{"parallelMigrationsPerCluster":2}}}'""",
            $"ok   {Kv}: parallelOutboundMigrationsPerNode 1 covers tier 1's 2 VMs on 2 Ready nodes (1 per node)",
            .. Healthy[11..],
            "10 ok, 3 warnings, 0 failures"]);
    }

    [TestMethod]
    public async Task A_site_without_Ready_nodes_missing_VMs_and_no_KubeVirt_fail_on_the_cluster()
    {
        await using var setup = await StartAsync();
        var store = setup.Managed.Server.Store;
        store.Put(Managed.ClusterObjects.Node("d-1", "DR", ready: false));
        store.Put(Managed.ClusterObjects.Node("d-2", "DR", ready: false));
        store.Delete("kubevirt.io", "v1", "virtualmachines", "web", "web-0");
        store.Delete("kubevirt.io", "v1", "kubevirts", KubeVirtNamespace, KubeVirtName);

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(4, result.ToString());
        Lines(result)[6..].Should().Equal(
            Healthy[6],
            "fail cluster stretch-1: no Ready node at site DR (2 nodes labelled topology.kubernetes.io/site=DR, none Ready): VMs sent there cannot run; "
                + "fix: oc label node NODE topology.kubernetes.io/site=DR for each node of site DR",
            "fail cluster stretch-1: no KubeVirt found (kubevirt.io/v1 kubevirts in any namespace); fix: install OpenShift Virtualization (its HyperConverged creates the KubeVirt), or check the context",
            "fail cluster stretch-1: 1 of 3 VMs of the inventory not found (web/web-0); "
                + "fix: create them, correct the inventory's cluster column, or give this cluster's context as --managed-context stretch-1=CONTEXT",
            "7 ok, 0 warnings, 3 failures");
    }

    [TestMethod]
    public async Task An_unreachable_hub_is_one_line_and_exit_3_with_nothing_on_stdout()
    {
        await using var setup = await StartAsync();
        var port = setup.Hub.Server.BaseUri.Port.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(setup.Hub.Kubeconfig, File.ReadAllText(setup.Hub.Kubeconfig).Replace(port, "1", StringComparison.Ordinal));

        var result = await setup.Hub.AcmdrAsync(new FastClock(200), "doctor");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty();
        var errors = result.Err.TrimEnd('\n').Split('\n');
        errors.Should().OnlyContain(line => line.StartsWith("acmdr: ", StringComparison.Ordinal));
        errors.Where(line => !line.Contains("; retrying in ", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith($"acmdr: cannot reach {setup.Hub.Server.BaseUri.Scheme}://127.0.0.1:1").And.Contain("for namespace acmdr").And.EndWith("(gave up after 6 attempts)");
    }

    [TestMethod]
    public async Task A_managed_cluster_that_refuses_a_read_is_one_line_and_exit_3_without_the_hub_lines()
    {
        await using var setup = await StartAsync();
        setup.Managed.Server.Faults.Add(FakeKube.FaultRule.Status("GET", "/kubevirts$", 403));

        var result = await setup.DoctorAsync();

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty("a half-read cluster gives no verdict");
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle()
            .Which.Should().StartWith($"acmdr: not allowed on {setup.Managed.Server.BaseUri.Scheme}://127.0.0.1:{setup.Managed.Server.BaseUri.Port} (403) for nodes, kubevirts and virtualmachines");
    }

    [TestMethod]
    public async Task A_context_of_no_inventory_cluster_is_refused_before_anything_is_read()
    {
        await using var setup = await StartAsync();

        var result = await setup.DoctorAsync("--managed-context", "stretch-9=stretch-1");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Trim().Should().Be("acmdr: managed context 'stretch-1' would be cluster 'stretch-9', which has no VMs in the inventory (clusters: stretch-1); write --managed-context CLUSTER=stretch-1");
        setup.Hub.Server.Requests.Entries.Should().BeEmpty();
    }
}
