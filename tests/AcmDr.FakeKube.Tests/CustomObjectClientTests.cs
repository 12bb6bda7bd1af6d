using System.Net;
using System.Text.Json;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class CustomObjectClientTests
{
    private const string Group = TestObjects.PolicyGroup;

    private static IEnumerable<string> Names(object list) =>
        ((JsonElement)list).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()!);

    [TestMethod]
    public async Task Created_policy_can_be_read_back_with_kind_and_apiVersion()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();

        await client.CustomObjects.CreateNamespacedCustomObjectAsync(TestObjects.Policy("acmdr", "dr-web"), Group, "v1", "acmdr", "policies");
        var read = (JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, "v1", "acmdr", "policies", "dr-web");

        read.GetProperty("kind").GetString().Should().Be("Policy");
        read.GetProperty("apiVersion").GetString().Should().Be($"{Group}/v1");
        read.GetProperty("metadata").GetProperty("generation").GetInt64().Should().Be(1);
    }

    [TestMethod]
    public async Task List_filters_by_label_selector()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web", tier: "1"));
        server.Store.Put(TestObjects.Policy("acmdr", "dr-db", tier: "2"));
        server.Store.Put(TestObjects.Policy("acmdr", "unmanaged"));

        async Task<IEnumerable<string>> ListAsync(string selector) =>
            Names(await client.CustomObjects.ListNamespacedCustomObjectAsync(Group, "v1", "acmdr", "policies", labelSelector: selector));

        (await ListAsync("acmdr/tier=1")).Should().Equal("dr-web");
        (await ListAsync("acmdr/tier!=1")).Should().BeEquivalentTo("dr-db", "unmanaged");
        (await ListAsync("acmdr/tier")).Should().BeEquivalentTo("dr-web", "dr-db");
        (await ListAsync("!acmdr/tier")).Should().Equal("unmanaged");
        (await ListAsync("acmdr/tier in (1,2),app.kubernetes.io/managed-by=acmdr")).Should().BeEquivalentTo("dr-web", "dr-db");
    }

    [TestMethod]
    public async Task List_without_namespace_spans_all_namespaces()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web"));
        server.Store.Put(TestObjects.Policy("cluster-a", "acmdr.dr-web"));

        var all = await client.CustomObjects.ListClusterCustomObjectAsync(Group, "v1", "policies");

        Names(all).Should().BeEquivalentTo("dr-web", "acmdr.dr-web");
        ((JsonElement)all).GetProperty("kind").GetString().Should().Be("PolicyList");
    }

    [TestMethod]
    public async Task Field_selector_on_name_picks_one_object()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web"));
        server.Store.Put(TestObjects.Policy("acmdr", "dr-db"));

        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync(Group, "v1", "acmdr", "policies", fieldSelector: "metadata.name=dr-db");

        Names(list).Should().Equal("dr-db");
    }

    [TestMethod]
    public async Task Spec_change_bumps_generation_but_status_change_does_not()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web"));

        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"disabled":true}}""", V1Patch.PatchType.MergePatch), Group, "v1", "acmdr", "policies", "dr-web");
        var patched = (JsonElement)await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"compliant":"Compliant"}}""", V1Patch.PatchType.MergePatch), Group, "v1", "acmdr", "policies", "dr-web");

        patched.GetProperty("metadata").GetProperty("generation").GetInt64().Should().Be(2);
        patched.GetProperty("status").GetProperty("compliant").GetString().Should().Be("Compliant");
    }

    [TestMethod]
    public async Task Unregistered_resource_is_404_until_registered()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        var body = new Dictionary<string, object>
        {
            ["apiVersion"] = "example.io/v1",
            ["kind"] = "Widget",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "w" },
        };

        var act = () => client.CustomObjects.CreateClusterCustomObjectAsync(body, "example.io", "v1", "widgets");

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        server.RegisterResource("example.io", "v1", "Widget", "widgets", namespaced: false);
        await client.CustomObjects.CreateClusterCustomObjectAsync(body, "example.io", "v1", "widgets");
        server.Store.Get("example.io", "v1", "widgets", null, "w").Should().NotBeNull();
    }
}
