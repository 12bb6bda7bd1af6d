using System.Net;
using FluentAssertions;
using k8s;
using k8s.Autorest;

namespace AcmDr.FakeKube.Tests;

/// <summary>LIST with limit and continue, as the real KubernetesClient pages through it.</summary>
[TestClass]
public sealed class ListPagingTests
{
    private static async Task<FakeApiServer> StartWithConfigMapsAsync()
    {
        var server = await FakeApiServer.StartAsync();
        foreach (var (ns, name) in new[] { ("a", "cm-2"), ("b", "cm-1"), ("a", "cm-1"), ("c", "cm-1"), ("b", "cm-3") })
        {
            server.Store.Put(TestObjects.ConfigMap(ns, name, "Primary"));
        }

        return server;
    }

    [TestMethod]
    public async Task Pages_of_two_read_every_object_once_in_key_order_with_the_remaining_count()
    {
        await using var server = await StartWithConfigMapsAsync();
        using var client = server.CreateClient();
        var seen = new List<string>();
        var remaining = new List<long?>();
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListConfigMapForAllNamespacesAsync(limit: 2, continueParameter: next);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(c => $"{c.Metadata.NamespaceProperty}/{c.Metadata.Name}"));
            remaining.Add(page.Metadata.RemainingItemCount);
            next = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        seen.Should().Equal("a/cm-1", "a/cm-2", "b/cm-1", "b/cm-3", "c/cm-1");
        remaining.Should().Equal(3, 1, null);
        server.Requests.Entries.Should().HaveCount(3).And.OnlyContain(r => r.Query.Contains("limit=2", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task A_limit_at_least_the_count_gives_one_page_without_a_continue_token()
    {
        await using var server = await StartWithConfigMapsAsync();
        using var client = server.CreateClient();

        var page = await client.CoreV1.ListNamespacedConfigMapAsync("b", limit: 2);

        page.Items.Select(c => c.Metadata.Name).Should().Equal("cm-1", "cm-3");
        page.Metadata.ContinueProperty.Should().BeNullOrEmpty();
        page.Metadata.RemainingItemCount.Should().BeNull();
    }

    [TestMethod]
    public async Task A_continue_token_the_server_did_not_make_is_410_Expired()
    {
        await using var server = await StartWithConfigMapsAsync();
        using var client = server.CreateClient();

        var act = () => client.CoreV1.ListConfigMapForAllNamespacesAsync(limit: 2, continueParameter: "not-a-token");

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.Gone);
        error.Response.Content.Should().Contain("\"reason\":\"Expired\"");
    }
}
