using System.Net;
using System.Text.Json;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class ConfigMapClientTests
{
    private static V1ConfigMap Sites(string site) => new()
    {
        Metadata = new V1ObjectMeta { Name = "acmdr-sites", NamespaceProperty = "acmdr", Labels = new Dictionary<string, string> { ["app"] = "acmdr" } },
        Data = new Dictionary<string, string> { ["site"] = site },
    };

    [TestMethod]
    public async Task Created_configmap_can_be_read_and_listed()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("acmdr-sites", "acmdr");
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("acmdr");

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.Should().NotBeNull();
        read.Data["site"].Should().Be("Primary");
        read.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
        list.Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("acmdr-sites");
        list.Metadata.ResourceVersion.Should().Be(server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task Creating_an_existing_name_is_AlreadyExists()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");

        var act = () => client.CoreV1.CreateNamespacedConfigMapAsync(Sites("DR"), "acmdr");

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        error.Response.Content.Should().Contain("\"reason\":\"AlreadyExists\"");
    }

    [TestMethod]
    public async Task Replace_with_stale_resourceVersion_is_Conflict()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        var stale = await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");
        server.Store.Update("", "v1", "configmaps", "acmdr", "acmdr-sites", o => o["data"]!["site"] = "DR");

        stale.Data["site"] = "Elsewhere";
        var act = () => client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "acmdr-sites", "acmdr");

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        error.Response.Content.Should().Contain("the object has been modified");
        server.Store.Get("", "v1", "configmaps", "acmdr", "acmdr-sites")!["data"]!["site"]!.GetValue<string>().Should().Be("DR");
    }

    [TestMethod]
    public async Task Replace_with_current_resourceVersion_succeeds()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        var current = await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");

        current.Data["site"] = "DR";
        var replaced = await client.CoreV1.ReplaceNamespacedConfigMapAsync(current, "acmdr-sites", "acmdr");

        replaced.Data["site"].Should().Be("DR");
        long.Parse(replaced.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThan(long.Parse(current.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task Merge_patch_with_stale_resourceVersion_is_Conflict_and_with_fresh_one_applies()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");
        var stale = created.Metadata.ResourceVersion;
        server.Store.Update("", "v1", "configmaps", "acmdr", "acmdr-sites", o => o["data"]!["touched"] = "yes");
        var fresh = server.Store.Get("", "v1", "configmaps", "acmdr", "acmdr-sites")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        V1Patch Patch(string rv) => new($$$"""{"metadata":{"resourceVersion":"{{{rv}}}"},"data":{"site":"DR"}}""", V1Patch.PatchType.MergePatch);
        var staleAct = () => client.CoreV1.PatchNamespacedConfigMapAsync(Patch(stale), "acmdr-sites", "acmdr");

        (await staleAct.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(Patch(fresh), "acmdr-sites", "acmdr");
        patched.Data.Should().Contain("site", "DR").And.Contain("touched", "yes");
    }

    [TestMethod]
    public async Task Json_patch_adds_replaces_and_removes()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");
        var patch = new V1Patch("""
            [{"op":"test","path":"/data/site","value":"Primary"},
             {"op":"replace","path":"/data/site","value":"DR"},
             {"op":"add","path":"/data/tier-1","value":"Primary"},
             {"op":"remove","path":"/metadata/labels/app"}]
            """, V1Patch.PatchType.JsonPatch);

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(patch, "acmdr-sites", "acmdr");

        patched.Data.Should().Contain("site", "DR").And.Contain("tier-1", "Primary");
        patched.Metadata.Labels.Should().BeNullOrEmpty();
    }

    [TestMethod]
    public async Task Missing_object_is_404_with_NotFound_Status_body()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();

        var act = () => client.CoreV1.ReadNamespacedConfigMapAsync("x", "acmdr");

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var status = JsonDocument.Parse(error.Response.Content);
        status.RootElement.GetProperty("kind").GetString().Should().Be("Status");
        status.RootElement.GetProperty("reason").GetString().Should().Be("NotFound");
        status.RootElement.GetProperty("message").GetString().Should().Be("configmaps \"x\" not found");
        status.RootElement.GetProperty("details").GetProperty("name").GetString().Should().Be("x");
        status.RootElement.GetProperty("code").GetInt32().Should().Be(404);
    }

    [TestMethod]
    public async Task Delete_removes_the_object()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Sites("Primary"), "acmdr");

        await client.CoreV1.DeleteNamespacedConfigMapAsync("acmdr-sites", "acmdr");

        server.Store.Get("", "v1", "configmaps", "acmdr", "acmdr-sites").Should().BeNull();
    }

    [TestMethod]
    public async Task Create_with_generateName_gets_a_unique_suffix()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var client = server.CreateClient();
        var template = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "acmdr-run-" } };

        var first = await client.CoreV1.CreateNamespacedConfigMapAsync(template, "acmdr");
        var second = await client.CoreV1.CreateNamespacedConfigMapAsync(template, "acmdr");

        first.Metadata.Name.Should().StartWith("acmdr-run-").And.NotBe(second.Metadata.Name);
    }

    [TestMethod]
    public async Task Non_json_body_is_UnsupportedMediaType()
    {
        await using var server = await FakeApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var body = new ByteArrayContent([1, 2, 3]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");

        using var response = await http.PostAsync(new Uri("api/v1/namespaces/acmdr/configmaps", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }
}
