using System.Net;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class FaultInjectionTests
{
    private const string SitesPath = "/namespaces/acmdr/configmaps/acmdr-sites$";

    private static V1Patch SiteTo(string site) => new($$$"""{"data":{"site":"{{{site}}}"}}""", V1Patch.PatchType.MergePatch);

    private static async Task<FakeApiServer> StartWithSitesAsync(TimeProvider? clock = null)
    {
        var server = await FakeApiServer.StartAsync(clock);
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));
        return server;
    }

    [TestMethod]
    public async Task Status_fault_answers_500_with_a_Status_body_and_leaves_the_store_alone()
    {
        await using var server = await StartWithSitesAsync();
        using var client = server.CreateClient();
        server.Faults.Add(FaultRule.Status("PATCH", SitesPath, 500, times: 1));

        var act = () => client.CoreV1.PatchNamespacedConfigMapAsync(SiteTo("DR"), "acmdr-sites", "acmdr");

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        error.Response.Content.Should().Contain("\"kind\":\"Status\"").And.Contain("\"reason\":\"InternalError\"");
        TestObjects.Site(server, "acmdr", "acmdr-sites").Should().Be("Primary");
        await client.CoreV1.PatchNamespacedConfigMapAsync(SiteTo("DR"), "acmdr-sites", "acmdr");
        TestObjects.Site(server, "acmdr", "acmdr-sites").Should().Be("DR");
    }

    [TestMethod]
    public async Task Throttling_fault_answers_429_with_Retry_After()
    {
        await using var server = await StartWithSitesAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        server.Faults.Add(FaultRule.Status("GET", SitesPath, 429, retryAfter: TimeSpan.FromSeconds(2)));

        using var response = await http.GetAsync(new Uri("api/v1/namespaces/acmdr/configmaps/acmdr-sites", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"reason\":\"TooManyRequests\"");
    }

    [TestMethod]
    public async Task Hang_fault_takes_the_request_and_never_answers()
    {
        await using var server = await StartWithSitesAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var rule = FaultRule.Hang("GET", SitesPath, times: 1);
        server.Faults.Add(rule);
        var uri = new Uri("api/v1/namespaces/acmdr/configmaps/acmdr-sites", UriKind.Relative);

        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            var hung = () => http.GetAsync(uri, giveUp.Token);
            await hung.Should().ThrowAsync<OperationCanceledException>("no status line, no headers, nothing");
        }

        server.Faults.FiredCount(rule).Should().Be(1);
        server.Requests.Entries.Should().ContainSingle(r => r.Path.EndsWith("/acmdr-sites", StringComparison.Ordinal) && r.StatusCode == 0);
        using var next = await http.GetAsync(uri);
        next.StatusCode.Should().Be(HttpStatusCode.OK, "only the matched request hangs");
    }

    [TestMethod]
    public async Task Skip_lets_the_first_matches_through()
    {
        await using var server = await StartWithSitesAsync();
        using var client = server.CreateClient();
        var rule = new FaultRule { Kind = FaultKind.RespondWithStatus, Method = "GET", PathPattern = SitesPath, StatusCode = 503, SkipMatches = 1, Times = 1 };
        server.Faults.Add(rule);

        await client.CoreV1.ReadNamespacedConfigMapAsync("acmdr-sites", "acmdr");
        var second = () => client.CoreV1.ReadNamespacedConfigMapAsync("acmdr-sites", "acmdr");

        (await second.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        await client.CoreV1.ReadNamespacedConfigMapAsync("acmdr-sites", "acmdr");
        server.Faults.FiredCount(rule).Should().Be(1);
    }

    [TestMethod]
    public async Task Drop_after_write_loses_the_response_but_keeps_the_write()
    {
        await using var server = await StartWithSitesAsync();
        using var client = server.CreateClient();
        server.Faults.Add(FaultRule.DropAfter("PATCH", SitesPath));

        var act = () => client.CoreV1.PatchNamespacedConfigMapAsync(SiteTo("DR"), "acmdr-sites", "acmdr");

        await act.Should().ThrowAsync<HttpRequestException>();
        TestObjects.Site(server, "acmdr", "acmdr-sites").Should().Be("DR");
        server.Requests.Entries.Should().Contain(r => r.Method == "PATCH" && r.Dropped);
    }

    [TestMethod]
    public async Task Drop_before_write_loses_the_request()
    {
        await using var server = await StartWithSitesAsync();
        using var client = server.CreateClient();
        server.Faults.Add(FaultRule.DropBefore("PATCH", SitesPath));

        var act = () => client.CoreV1.PatchNamespacedConfigMapAsync(SiteTo("DR"), "acmdr-sites", "acmdr");

        await act.Should().ThrowAsync<HttpRequestException>();
        TestObjects.Site(server, "acmdr", "acmdr-sites").Should().Be("Primary");
    }

    [TestMethod]
    public async Task Concurrent_writer_between_read_and_conditional_patch_causes_Conflict()
    {
        await using var server = await StartWithSitesAsync();
        using var client = server.CreateClient();
        server.Faults.Add(FaultRule.Before("PATCH", SitesPath, store =>
            store.Update("", "v1", "configmaps", "acmdr", "acmdr-sites", o => o["data"]!["tier-1"] = "DR")));

        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("acmdr-sites", "acmdr");
        var patch = new V1Patch($$$"""{"metadata":{"resourceVersion":"{{{read.Metadata.ResourceVersion}}}"},"data":{"site":"DR"}}""", V1Patch.PatchType.MergePatch);
        var act = () => client.CoreV1.PatchNamespacedConfigMapAsync(patch, "acmdr-sites", "acmdr");

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        TestObjects.Site(server, "acmdr", "acmdr-sites").Should().Be("Primary");
        server.Requests.Entries[^1].Should().Be(new RecordedRequest("PATCH", "/api/v1/namespaces/acmdr/configmaps/acmdr-sites", "", "application/merge-patch+json; charset=utf-8", 409));
    }

    [TestMethod]
    public async Task Delay_fault_trips_a_client_timeout()
    {
        await using var server = await StartWithSitesAsync(new ManualClock(DateTimeOffset.UnixEpoch));
        server.Faults.Add(FaultRule.Slow("GET", SitesPath, TimeSpan.FromSeconds(5)));
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };

        var act = () => http.GetStringAsync(new Uri("api/v1/namespaces/acmdr/configmaps/acmdr-sites", UriKind.Relative));

        await act.Should().ThrowAsync<TaskCanceledException>("the server clock never reaches the delay's end");
    }

    [TestMethod]
    public async Task Delay_fault_answers_once_the_server_clock_passes_the_delay()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        await using var server = await StartWithSitesAsync(clock);
        server.Faults.Add(FaultRule.Slow("GET", SitesPath, TimeSpan.FromHours(1)));
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var answer = http.GetStringAsync(new Uri("api/v1/namespaces/acmdr/configmaps/acmdr-sites", UriKind.Relative), hang.Token);
        while (clock.WaitingTimers == 0)
        {
            await Task.Delay(10, hang.Token);
        }

        clock.Advance(TimeSpan.FromHours(1));

        (await answer).Should().Contain("acmdr-sites", "an hour on the server clock, not on the real one, ends the delay");
    }
}
