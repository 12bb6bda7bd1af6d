using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.FakeKube;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>
/// The hub port over KubernetesClient: policies come as the JSON the hub sent, reads are retried under
/// the policy the port is opened with, the switch's get and conditional patch and the Event are single
/// requests, and watches stream what the hub sends.
/// </summary>
[TestClass]
public sealed class HubClusterPortTests
{
    private const string Group = "policy.open-cluster-management.io";

    private static JsonObject Policy(string ns, string name, bool owned = true) => new()
    {
        ["apiVersion"] = $"{Group}/v1",
        ["kind"] = "Policy",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = owned ? new JsonObject { ["app.kubernetes.io/managed-by"] = "acmdr" } : new JsonObject(),
        },
        ["spec"] = new JsonObject { ["disabled"] = false },
    };

    private static JsonObject Switch(string site) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = "acmdr-sites", ["namespace"] = "acmdr" },
        ["data"] = new JsonObject { ["site"] = site },
    };

    private static async Task<(FakeApiServer Server, TempDir Dir)> StartAsync()
    {
        var server = await FakeApiServer.StartAsync();
        var dir = new TempDir();
        server.WriteKubeconfig(dir.File("kubeconfig"), context: "hub", user: "alice");
        return (server, dir);
    }

    private static (KubeHubCluster Port, ConcurrentQueue<string> Notes, WaitDrivenClock Clock) Open(TempDir dir)
    {
        var notes = new ConcurrentQueue<string>();
        var clock = new WaitDrivenClock();
        var retry = new TransientRetry(TimeSpan.FromMilliseconds(250), clock, notes.Enqueue);
        return (KubeHubCluster.Open(dir.File("kubeconfig"), null, retry), notes, clock);
    }

    private static IEnumerable<string> Names(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()!);

    [TestMethod]
    public async Task Policies_are_acmdrs_own_listed_in_every_namespace_or_in_one()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        server.Store.Put(Policy("acmdr", "db-tier1"));
        server.Store.Put(Policy("stretch-1", "acmdr.db-tier1"));
        server.Store.Put(Policy("acmdr", "someone-elses", owned: false));
        var (port, _, _) = Open(dir);

        var all = await port.ListPoliciesAsync(CancellationToken.None);
        var hubNamespace = await port.ListPoliciesAsync("acmdr", CancellationToken.None);

        Names(all).Should().BeEquivalentTo("db-tier1", "acmdr.db-tier1");
        Names(hubNamespace).Should().Equal("db-tier1");
        port.User.Should().Be("alice");
    }

    [TestMethod]
    public async Task A_read_of_the_switch_answered_503_is_read_again_after_the_policys_pause_and_noted()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        server.Store.Put(Switch("DR"));
        server.Faults.Add(FaultRule.Status("GET", "/configmaps/acmdr-sites", 503, times: 1));
        var (port, notes, clock) = Open(dir);

        var map = await port.ReadSwitchAsync("acmdr", CancellationToken.None);

        map!.Data["site"].Should().Be("DR");
        notes.Should().Equal("read of the switch: the cluster answered 503; retrying in 250ms (1/5)");
        clock.Elapsed.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [TestMethod]
    public async Task A_missing_switch_reads_as_none_in_one_request()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        var (port, notes, _) = Open(dir);

        (await port.ReadSwitchAsync("acmdr", CancellationToken.None)).Should().BeNull();

        server.Requests.Entries.Where(r => r.Path.Contains("configmaps", StringComparison.Ordinal)).Should().ContainSingle();
        notes.Should().BeEmpty();
    }

    [TestMethod]
    public async Task The_switch_get_patch_and_the_event_are_single_requests_even_when_the_hub_answers_503()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        server.Store.Put(Switch("Primary"));
        server.Faults.Add(FaultRule.Status(null, "/namespaces/acmdr/", 503));
        var (port, notes, clock) = Open(dir);
        var patch = new JsonObject { ["data"] = new JsonObject { ["site"] = "DR" } };

        var get = () => port.GetSwitchAsync("acmdr", CancellationToken.None);
        var write = () => port.PatchSwitchAsync("acmdr", patch, CancellationToken.None);
        var record = () => port.CreateEventAsync("acmdr", new Corev1Event { Metadata = new V1ObjectMeta { GenerateName = "acmdr-sites." } }, CancellationToken.None);

        await get.Should().ThrowAsync<HttpOperationException>();
        await write.Should().ThrowAsync<HttpOperationException>();
        await record.Should().ThrowAsync<HttpOperationException>();
        server.Requests.Entries.Where(r => r.Path.Contains("/namespaces/acmdr/", StringComparison.Ordinal)).Select(r => r.Method).Should().Equal("GET", "PATCH", "POST");
        notes.Should().BeEmpty();
        clock.Elapsed.Should().Be(TimeSpan.Zero);
    }

    [TestMethod]
    public async Task A_patch_carrying_a_resource_version_that_is_no_longer_current_is_refused_with_409()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        server.Store.Put(Switch("Primary"));
        var (port, _, _) = Open(dir);
        var read = (await port.GetSwitchAsync("acmdr", CancellationToken.None))!;
        server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map => map["data"]!["site"] = "Other");
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = read.Metadata.ResourceVersion },
            ["data"] = new JsonObject { ["site"] = "DR" },
        };

        var write = () => port.PatchSwitchAsync("acmdr", patch, CancellationToken.None);

        (await write.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
        server.Store.Get(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites")!["data"]!["site"]!.GetValue<string>().Should().Be("Other");
    }

    [TestMethod]
    public async Task The_same_hub_with_another_retry_policy_notes_its_retries_there()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        server.Faults.Add(FaultRule.Status("GET", "/policies", 503, times: 1));
        var (port, notes, clock) = Open(dir);
        var quiet = port.WithRetry(new TransientRetry(TimeSpan.FromMilliseconds(250), clock, _ => { }));

        var list = await quiet.ListPoliciesAsync(CancellationToken.None);

        Names(list).Should().BeEmpty();
        notes.Should().BeEmpty();
        quiet.Server.Should().Be(port.Server);
        server.Requests.Entries.Count(r => r.Path.EndsWith("/policies", StringComparison.Ordinal)).Should().Be(2);
    }

    [TestMethod]
    public async Task Watches_stream_a_new_policy_as_its_JSON_and_a_changed_switch()
    {
        var (server, dir) = await StartAsync();
        await using var _ = server;
        using var __ = dir;
        server.Store.Put(Switch("Primary"));
        var (port, _, _) = Open(dir);
        var version = (await port.ListPoliciesAsync(CancellationToken.None)).GetProperty("metadata").GetProperty("resourceVersion").GetString();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var policies = port.WatchPoliciesAsync(version, 60, stop.Token).GetAsyncEnumerator(stop.Token);
        await using var switches = port.WatchSwitchAsync("acmdr", stop.Token).GetAsyncEnumerator(stop.Token);

        var policyMoved = policies.MoveNextAsync();
        server.Store.Put(Policy("acmdr", "db-tier1"));
        (await policyMoved).Should().BeTrue();
        (await switches.MoveNextAsync()).Should().BeTrue();
        var switchMoved = switches.MoveNextAsync();
        server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map => map["data"]!["site"] = "DR");
        (await switchMoved).Should().BeTrue();

        policies.Current.Type.Should().Be(WatchEventType.Added);
        policies.Current.Policy.GetProperty("metadata").GetProperty("name").GetString().Should().Be("db-tier1");
        switches.Current.Type.Should().Be(WatchEventType.Modified);
        switches.Current.Switch.Data["site"].Should().Be("DR");
    }
}
