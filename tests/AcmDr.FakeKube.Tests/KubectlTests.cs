using System.Text.Json.Nodes;
using FluentAssertions;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class KubectlTests
{
    [TestMethod]
    public async Task Kubectl_gets_a_configmap_as_json()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var kubectl = new KubectlRun(server);
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));

        var result = await kubectl.RunAsync("get", "configmap", "acmdr-sites", "-n", "acmdr", "-o", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().BeEmpty();
        var obj = JsonNode.Parse(result.Stdout)!;
        obj["data"]!["site"]!.GetValue<string>().Should().Be("Primary");
        obj["kind"]!.GetValue<string>().Should().Be("ConfigMap");
    }

    [TestMethod]
    public async Task Kubectl_merge_patch_reaches_the_store()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var kubectl = new KubectlRun(server);
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));

        var result = await kubectl.RunAsync("patch", "configmap", "acmdr-sites", "-n", "acmdr", "--type", "merge", "-p", """{"data":{"site":"DR"}}""");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain("patched");
        server.Store.Get("", "v1", "configmaps", "acmdr", "acmdr-sites")!["data"]!["site"]!.GetValue<string>().Should().Be("DR");
        server.Requests.Entries.Should().Contain(r => r.Method == "PATCH" && r.ContentType!.StartsWith("application/merge-patch+json", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Kubectl_lists_policies_across_namespaces()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var kubectl = new KubectlRun(server);
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web"));
        server.Store.Put(TestObjects.Policy("other", "dr-db"));

        var result = await kubectl.RunAsync("get", "policies.policy.open-cluster-management.io", "-A");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain("dr-web").And.Contain("dr-db").And.Contain("acmdr").And.Contain("other");
    }

    [TestMethod]
    public async Task Kubectl_watch_sees_a_concurrent_store_change()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var kubectl = new KubectlRun(server);
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));

        var output = await kubectl.StreamUntilAsync(
            line => line == "acmdr-sites DR",
            () =>
            {
                server.Store.Update("", "v1", "configmaps", "acmdr", "acmdr-sites", o => o["data"]!["site"] = "DR");
                return Task.CompletedTask;
            },
            TimeSpan.FromSeconds(30),
            "get", "configmaps", "-n", "acmdr", "-w", "--request-timeout=25s", "-o", "jsonpath={.metadata.name} {.data.site}{\"\\n\"}");

        output.Should().StartWith("acmdr-sites Primary");
    }
}
