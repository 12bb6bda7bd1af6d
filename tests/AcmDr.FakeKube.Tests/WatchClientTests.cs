using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class WatchClientTests
{
    private const string Group = TestObjects.PolicyGroup;

    private static async Task<List<(WatchEventType Type, string Name, string? Disabled)>> CollectAsync(
        IKubernetes client, string? resourceVersion, int count, Action? afterFirst = null, string? labelSelector = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var seen = new List<(WatchEventType, string, string?)>();
        await foreach (var (type, obj) in client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            Group, "v1", "acmdr", "policies", labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: 10, cancellationToken: timeout.Token))
        {
            var element = (JsonElement)obj;
            var disabled = element.TryGetProperty("spec", out var spec) ? spec.GetProperty("disabled").ToString() : null;
            seen.Add((type, element.GetProperty("metadata").GetProperty("name").GetString()!, disabled));
            if (seen.Count == 1)
            {
                afterFirst?.Invoke();
            }

            if (seen.Count == count)
            {
                break;
            }
        }

        return seen;
    }

    private static void Disable(FakeApiServer server, string name) =>
        server.Store.Update(Group, "v1", "policies", "acmdr", name, o => o["spec"]!["disabled"] = true);

    [TestMethod]
    public async Task Watch_from_scratch_sees_ADDED_then_MODIFIED()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web"));

        var events = await CollectAsync(client, resourceVersion: null, count: 2, afterFirst: () => Disable(server, "dr-web"));

        events.Should().Equal((WatchEventType.Added, "dr-web", "False"), (WatchEventType.Modified, "dr-web", "True"));
    }

    [TestMethod]
    public async Task Watch_resumes_after_a_resourceVersion()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web"));
        var resumeFrom = server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        server.Store.Put(TestObjects.Policy("acmdr", "dr-db"));
        Disable(server, "dr-web");
        server.Store.Delete(Group, "v1", "policies", "acmdr", "dr-db");

        var events = await CollectAsync(client, resumeFrom, count: 3);

        events.Select(e => (e.Type, e.Name)).Should().Equal(
            (WatchEventType.Added, "dr-db"), (WatchEventType.Modified, "dr-web"), (WatchEventType.Deleted, "dr-db"));
    }

    [TestMethod]
    public async Task Watch_with_label_selector_skips_other_objects()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        server.Store.Put(TestObjects.Policy("acmdr", "dr-web", tier: "1"));
        server.Store.Put(TestObjects.Policy("acmdr", "dr-db", tier: "2"));

        var events = await CollectAsync(client, null, count: 2, afterFirst: () =>
        {
            Disable(server, "dr-db");
            Disable(server, "dr-web");
        }, labelSelector: "acmdr/tier=1");

        events.Select(e => (e.Type, e.Name)).Should().Equal((WatchEventType.Added, "dr-web"), (WatchEventType.Modified, "dr-web"));
    }

    [TestMethod]
    [DataRow("watch=1&timeoutSeconds=3600")]
    [DataRow("watch=true&timeout=1h")]
    public async Task Watch_ends_when_its_timeout_passes_on_the_server_clock(string query)
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        await using var server = await FakeApiServer.StartAsync(clock);
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await http.GetAsync(
            new Uri($"api/v1/namespaces/acmdr/configmaps?{query}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, hang.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(hang.Token));

        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));
        var lastEvent = JsonNode.Parse((await reader.ReadLineAsync(hang.Token))!)!;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var afterTimeout = await reader.ReadToEndAsync(hang.Token);

        lastEvent["type"]!.GetValue<string>().Should().Be("ADDED", "a millisecond before its timeout the watch still streams");
        afterTimeout.Should().BeEmpty("the timeout ends the watch without another event");
    }

    [TestMethod]
    public async Task Watch_ends_cleanly_when_the_server_is_disposed()
    {
        var server = await FakeApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));
        using var response = await http.GetAsync(new Uri("api/v1/namespaces/acmdr/configmaps?watch=true", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = JsonNode.Parse((await reader.ReadLineAsync())!)!;
        var dispose = server.DisposeAsync().AsTask();
        var rest = await reader.ReadToEndAsync();
        await dispose;

        first["type"]!.GetValue<string>().Should().Be("ADDED");
        rest.Should().BeEmpty();
    }
}
