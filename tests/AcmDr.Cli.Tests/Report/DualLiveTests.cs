using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Live;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.FakeKube;
using FluentAssertions;
using YamlDotNet.Serialization;

namespace AcmDr.Cli.Tests.Report;

/// <summary><c>report</c> and <c>wait</c> of a mixed inventory on the fake hub, whose DRPCs' status the tests set.</summary>
[TestClass]
public sealed class DualLiveTests
{
    private const string DrpcPath = "/apis/ramendr.openshift.io/v1alpha1/namespaces/openshift-gitops/drplacementcontrols";

    private sealed class Hub : IAsyncDisposable
    {
        public required FakeApiServer Server { get; init; }

        public required TempDir Dir { get; init; }

        public KubeHubCluster Port(TimeProvider clock) =>
            KubeHubCluster.Open(Dir.File("kubeconfig"), null, new TransientRetry(TimeSpan.FromMilliseconds(10), clock, _ => { }));

        public List<RecordedRequest> DrpcRequests => Server.Requests.Entries.Where(r => r.Path.StartsWith(DrpcPath, StringComparison.Ordinal)).ToList();

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Dir.Dispose();
        }
    }

    /// <summary>The fixture's hub loaded into the fake server (generation 1, as the store sets it on create).</summary>
    private static async Task<Hub> StartAsync()
    {
        var server = await FakeApiServer.StartAsync();
        server.Registry.Register("ramendr.openshift.io", "v1alpha1", "DRPlacementControl", "drplacementcontrols", true, "drpc");
        var yaml = DualFixture.Yaml().Replace("observedGeneration: 2", "observedGeneration: 1", StringComparison.Ordinal);
        var tree = JsonSerializer.Serialize(new DeserializerBuilder().Build().Deserialize<object>(yaml));
        foreach (var item in JsonNode.Parse(tree)!["items"]!.AsArray().OfType<JsonObject>())
        {
            item["metadata"]!.AsObject().Remove("managedFields");
            server.Store.Put((JsonObject)item.DeepClone());
        }

        var dir = new TempDir();
        server.WriteKubeconfig(dir.File("kubeconfig"), context: "hub", user: "alice");
        server.Requests.Clear();
        return new Hub { Server = server, Dir = dir };
    }

    private static void Finish(FakeApiServer server, string name) =>
        server.Store.Update("ramendr.openshift.io", "v1alpha1", "drplacementcontrols", "openshift-gitops", name, drpc =>
        {
            var status = drpc["status"]!.AsObject();
            status["phase"] = "Relocated";
            status["progression"] = "Completed";
            status["actionDuration"] = "3m0s";
            status["conditions"]![0]!["status"] = "True";
        });

    [TestMethod]
    public async Task Report_reads_the_drpcs_with_one_labelled_list_and_judges_dual_apps_by_them()
    {
        await using var hub = await StartAsync();

        var snapshot = await LiveHub.ReadAsync(hub.Port(TimeProvider.System), DualFixture.Scope(), CancellationToken.None);
        var data = ReportData.Assemble(DualFixture.Scope(), snapshot, [], [], DualFixture.Flip.AddMinutes(30));

        hub.DrpcRequests.Should().ContainSingle().Which.Should().Match<RecordedRequest>(r => r.Method == "GET"
            && r.Query.Contains("labelSelector=app.kubernetes.io%2Fmanaged-by%3Dacmdr", StringComparison.Ordinal) && r.Query.Contains("limit=", StringComparison.Ordinal));
        data.Summary.Vms.Select(v => (v.Vm, v.Verdict)).Should().Equal(
            ("db-0", MoveVerdict.Moved), ("erp-0", MoveVerdict.Moved), ("erp-1", MoveVerdict.Moved), ("crm-0", MoveVerdict.NotMoved));
        data.Summary.DualApps.Select(a => a.Progression).Should().Equal("Completed", "WaitForReadiness");
    }

    [TestMethod]
    public async Task A_scope_without_dual_apps_never_lists_drpcs()
    {
        await using var hub = await StartAsync();

        await LiveHub.ReadAsync(hub.Port(TimeProvider.System), DualFixture.Scope(apps: ["db"]), CancellationToken.None);

        hub.DrpcRequests.Should().BeEmpty();
    }

    [TestMethod]
    [DataRow(403, "not allowed on")]
    [DataRow(404, "drplacementcontrols.ramendr.openshift.io in openshift-gitops (is Ramen's hub operator installed?) not found on")]
    public async Task A_refused_or_missing_list_of_drpcs_is_exit_3_in_one_line(int status, string expected)
    {
        await using var hub = await StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("GET", "/drplacementcontrols", status));

        var read = () => LiveHub.ReadAsync(hub.Port(TimeProvider.System), DualFixture.Scope(), CancellationToken.None);

        var error = (await read.Should().ThrowAsync<AcmDrException>()).Which;
        error.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        error.Message.Should().Contain(expected).And.NotContain("\n");
    }

    [TestMethod]
    public async Task Wait_ends_when_the_last_drpc_finishes_and_its_policy_reports_it()
    {
        await using var hub = await StartAsync();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var io = new CliIo(output, errors, hub.Dir.Path, TimeProvider.System) { RetryBackoff = TimeSpan.FromMilliseconds(10) };
        var port = hub.Port(TimeProvider.System);

        var waiting = LiveWait.RunAsync(port, DualFixture.Scope(), [], TimeSpan.FromSeconds(60), io, port.Retry, CancellationToken.None);
        while (hub.DrpcRequests.Count == 0)
        {
            await Task.Delay(20);
        }

        Finish(hub.Server, "dr-crm");
        // The -recovered template turning compliant is the policy change the wait hears.
        hub.Server.Store.Update("policy.open-cluster-management.io", "v1", "policies", "acmdr", "dr-crm", p => p["status"]!["compliant"] = "Compliant");
        var outcome = await waiting;

        outcome.Report.ExitCode.Should().Be(0, string.Join("\n", outcome.Report.Summary.Vms.Select(v => v.Reason)));
        outcome.Report.Summary.DualApps.Should().OnlyContain(a => a.Verdict == MoveVerdict.Moved);
        hub.DrpcRequests.Should().HaveCount(2, "one list with the policies, one after the policy changed");
    }
}
