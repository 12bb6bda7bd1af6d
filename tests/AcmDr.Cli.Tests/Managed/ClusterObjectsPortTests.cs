using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Options;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Isolated;
using AcmDr.FakeKube;
using AcmDr.TestSupport;
using FluentAssertions;
using k8s.Autorest;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// The untyped cluster-objects port of isolated rehearsals over KubernetesClient: core, cluster-scoped
/// and custom types at their URLs, paged lists with a label selector, creates sent once, background
/// deletes, and SelfSubjectAccessReviews.
/// </summary>
[TestClass]
public sealed class ClusterObjectsPortTests
{
    private const string Rehearsal = "rehearsal.acmdr.io/id";

    private sealed class World : IAsyncDisposable
    {
        private World(FakeApiServer server, TempDir dir)
        {
            Server = server;
            Dir = dir;
        }

        public FakeApiServer Server { get; }

        public TempDir Dir { get; }

        public WaitDrivenClock Clock { get; } = new();

        public ConcurrentQueue<string> Notes { get; } = new();

        public string Kubeconfig => Dir.File("kubeconfig");

        public static async Task<World> StartAsync()
        {
            var server = await FakeApiServer.StartAsync();
            var world = new World(server, new TempDir());
            server.WriteKubeconfig(world.Kubeconfig, "stretch-1");
            server.Registry.Register("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc");
            server.Registry.Register("", "v1", "PersistentVolume", "persistentvolumes", false, "pv");
            server.Registry.Register("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, "sc");
            server.Registry.Register("cdi.kubevirt.io", "v1beta1", "DataVolume", "datavolumes", true, "dv");
            return world;
        }

        public KubeClusterObjects Port(int pageSize = KubeClusterObjects.DefaultPageSize) =>
            new(ClusterConnection.Open(Kubeconfig, null, "managed cluster"), new TransientRetry(TimeSpan.FromMilliseconds(250), Clock, Notes.Enqueue), "stretch-1")
            {
                PageSize = pageSize,
            };

        public IReadOnlyList<RecordedRequest> Requests(string method, string path) =>
            [.. Server.Requests.Entries.Where(r => r.Method == method && r.Path == path)];

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Dir.Dispose();
        }
    }

    private static JsonObject Object(string apiVersion, string kind, string? ns, string name, string? id = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (id is not null)
        {
            metadata["labels"] = new JsonObject { [Rehearsal] = id };
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    private static JsonObject Claim(string ns, string name, string? id = null) => Object("v1", "PersistentVolumeClaim", ns, name, id);

    private static JsonObject DataVolume(string ns, string name, string? id = null) => Object("cdi.kubevirt.io/v1beta1", "DataVolume", ns, name, id);

    private static JsonObject Volume(string name, string? id = null) => Object("v1", "PersistentVolume", null, name, id);

    private static IEnumerable<string> Names(IEnumerable<JsonObject> objects) => objects.Select(o => KubeJson.Text(o["metadata"]?["name"])!);

    [TestMethod]
    public void Core_types_live_under_api_v1_and_every_other_group_under_apis_with_namespaces_only_for_namespaced_types()
    {
        KubeClusterObjects.CollectionPath(ApiResource.Claims, "pay").Should().Be("api/v1/namespaces/pay/persistentvolumeclaims");
        KubeClusterObjects.CollectionPath(ApiResource.Claims, null).Should().Be("api/v1/persistentvolumeclaims");
        KubeClusterObjects.CollectionPath(ApiResource.Volumes, "pay").Should().Be("api/v1/persistentvolumes");
        KubeClusterObjects.ObjectPath(ApiResource.Namespaces, null, "acmdr-test-x-pay").Should().Be("api/v1/namespaces/acmdr-test-x-pay");
        KubeClusterObjects.ObjectPath(ApiResource.DataVolumes, "pay", "disk-1").Should().Be("apis/cdi.kubevirt.io/v1beta1/namespaces/pay/datavolumes/disk-1");
        KubeClusterObjects.ObjectPath(ApiResource.StorageClasses, null, "ocs-rbd").Should().Be("apis/storage.k8s.io/v1/storageclasses/ocs-rbd");
        var noNamespace = () => KubeClusterObjects.ObjectPath(ApiResource.DataVolumes, null, "disk-1");
        noNamespace.Should().Throw<ArgumentException>().WithMessage("*namespaced*");
    }

    [TestMethod]
    public async Task A_core_namespaced_object_is_read_by_name_and_a_missing_one_is_null()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(Claim("pay", "db-1-disk"));
        var port = world.Port();

        var claim = await port.GetAsync(ApiResource.Claims, "pay", "db-1-disk", CancellationToken.None);
        var missing = await port.GetAsync(ApiResource.Claims, "pay", "nothing", CancellationToken.None);

        KubeJson.Text(claim!["metadata"]!["name"]).Should().Be("db-1-disk");
        missing.Should().BeNull();
        world.Requests("GET", "/api/v1/namespaces/pay/persistentvolumeclaims/db-1-disk").Should().ContainSingle();
    }

    [TestMethod]
    public async Task A_cluster_scoped_and_a_custom_object_are_read_at_their_groups_urls()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(Object("storage.k8s.io/v1", "StorageClass", null, "ocs-rbd"));
        world.Server.Store.Put(DataVolume("pay", "disk-1"));
        var port = world.Port();

        var storageClass = await port.GetAsync(ApiResource.StorageClasses, null, "ocs-rbd", CancellationToken.None);
        var dataVolume = await port.GetAsync(ApiResource.DataVolumes, "pay", "disk-1", CancellationToken.None);

        KubeJson.Text(storageClass!["kind"]).Should().Be("StorageClass");
        KubeJson.Text(dataVolume!["kind"]).Should().Be("DataVolume");
        world.Requests("GET", "/apis/storage.k8s.io/v1/storageclasses/ocs-rbd").Should().ContainSingle();
        world.Requests("GET", "/apis/cdi.kubevirt.io/v1beta1/namespaces/pay/datavolumes/disk-1").Should().ContainSingle();
    }

    [TestMethod]
    [DataRow("core")]
    [DataRow("cluster")]
    [DataRow("custom")]
    public async Task A_list_with_a_label_selector_reads_every_page_and_only_the_labelled_objects(string kind)
    {
        await using var world = await World.StartAsync();
        var (type, ns, path, make) = kind switch
        {
            "core" => (ApiResource.Claims, (string?)"pay", "/api/v1/namespaces/pay/persistentvolumeclaims", (Func<string, string?, JsonObject>)((n, id) => Claim("pay", n, id))),
            "cluster" => (ApiResource.Volumes, null, "/api/v1/persistentvolumes", (n, id) => Volume(n, id)),
            _ => (ApiResource.DataVolumes, "pay", "/apis/cdi.kubevirt.io/v1beta1/namespaces/pay/datavolumes", (n, id) => DataVolume("pay", n, id)),
        };
        for (var i = 0; i < 7; i++)
        {
            world.Server.Store.Put(make($"mine-{i}", "r1"));
            world.Server.Store.Put(make($"other-{i}", i % 2 == 0 ? "r2" : null));
        }

        var objects = await world.Port(pageSize: 3).ListAsync(type, ns, $"{Rehearsal}=r1", CancellationToken.None);

        Names(objects).Should().BeEquivalentTo(Enumerable.Range(0, 7).Select(i => $"mine-{i}"));
        var pages = world.Requests("GET", path);
        pages.Should().HaveCount(3, "7 objects in pages of 3").And.OnlyContain(r =>
            r.Query.Contains("limit=3", StringComparison.Ordinal) && r.Query.Contains("labelSelector=rehearsal.acmdr.io%2Fid%3Dr1", StringComparison.Ordinal));
        pages.Skip(1).Should().OnlyContain(r => r.Query.Contains("continue=", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task A_namespaced_type_listed_without_a_namespace_is_read_across_every_namespace()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(DataVolume("pay", "a"));
        world.Server.Store.Put(DataVolume("web", "b"));

        var all = await world.Port().ListAsync(ApiResource.DataVolumes, null, null, CancellationToken.None);

        Names(all).Should().BeEquivalentTo("a", "b");
        world.Requests("GET", "/apis/cdi.kubevirt.io/v1beta1/datavolumes").Should().ContainSingle()
            .Which.Query.Should().Contain("limit=500").And.NotContain("labelSelector");
    }

    [TestMethod]
    public async Task A_continue_token_answered_410_starts_the_list_again_from_the_first_page()
    {
        await using var world = await World.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            world.Server.Store.Put(Volume($"pv-{i}"));
        }

        var rule = new FaultRule { Kind = FaultKind.RespondWithStatus, Method = "GET", PathPattern = "/persistentvolumes$", StatusCode = 410, SkipMatches = 1, Times = 1 };
        world.Server.Faults.Add(rule);

        var all = await world.Port(pageSize: 2).ListAsync(ApiResource.Volumes, null, null, CancellationToken.None);

        all.Should().HaveCount(5);
        world.Server.Faults.FiredCount(rule).Should().Be(1);
        world.Requests("GET", "/api/v1/persistentvolumes").Select(r => r.Query.Contains("continue=", StringComparison.Ordinal)).Should()
            .Equal([false, true, false, true, true], "the first page, its expired continuation, then the whole list again");
    }

    [TestMethod]
    public async Task A_read_answered_503_is_read_again_and_noted_with_the_cluster()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(Volume("pv-0"));
        world.Server.Faults.Add(FaultRule.Status("GET", "/api/v1/persistentvolumes", 503, times: 1));

        var all = await world.Port().ListAsync(ApiResource.Volumes, null, null, CancellationToken.None);

        all.Should().ContainSingle();
        world.Notes.Should().Equal("listing persistentvolumes on stretch-1: the cluster answered 503; retrying in 250ms (1/5)");
    }

    [TestMethod]
    public async Task Creating_core_cluster_scoped_and_custom_objects_returns_them_as_stored()
    {
        await using var world = await World.StartAsync();
        var port = world.Port();

        var ns = await port.CreateAsync(ApiResource.Namespaces, null, Object("v1", "Namespace", null, "acmdr-test-r1-pay", "r1"), CancellationToken.None);
        var claim = await port.CreateAsync(ApiResource.Claims, "acmdr-test-r1-pay", Claim("acmdr-test-r1-pay", "disk"), CancellationToken.None);
        var dv = await port.CreateAsync(ApiResource.DataVolumes, "acmdr-test-r1-pay", DataVolume("acmdr-test-r1-pay", "disk"), CancellationToken.None);

        KubeJson.Text(ns["metadata"]!["labels"]![Rehearsal]).Should().Be("r1");
        KubeJson.Text(claim["metadata"]!["resourceVersion"]).Should().NotBeNullOrEmpty();
        KubeJson.Text(dv["metadata"]!["namespace"]).Should().Be("acmdr-test-r1-pay");
        world.Server.Store.Get("", "v1", "namespaces", null, "acmdr-test-r1-pay").Should().NotBeNull();
        world.Server.Store.Get("cdi.kubevirt.io", "v1beta1", "datavolumes", "acmdr-test-r1-pay", "disk").Should().NotBeNull();
        world.Requests("POST", "/api/v1/namespaces").Should().ContainSingle().Which.ContentType.Should().StartWith("application/json");
        world.Requests("POST", "/apis/cdi.kubevirt.io/v1beta1/namespaces/acmdr-test-r1-pay/datavolumes").Should().ContainSingle();
    }

    [TestMethod]
    public async Task Creating_an_object_that_exists_passes_the_409_through()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(DataVolume("pay", "disk"));

        var create = () => world.Port().CreateAsync(ApiResource.DataVolumes, "pay", DataVolume("pay", "disk"), CancellationToken.None);

        (await create.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        KubeErrors.IsConflict((await create.Should().ThrowAsync<HttpOperationException>()).Which).Should().BeTrue();
    }

    [TestMethod]
    public async Task A_create_answered_503_is_sent_once_and_not_retried()
    {
        await using var world = await World.StartAsync();
        world.Server.Faults.Add(FaultRule.Status("POST", "datavolumes", 503));

        var create = () => world.Port().CreateAsync(ApiResource.DataVolumes, "pay", DataVolume("pay", "disk"), CancellationToken.None);

        (await create.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        world.Server.Requests.Entries.Where(r => r.Method == "POST").Should().ContainSingle();
        world.Notes.Should().BeEmpty();
        world.Clock.Elapsed.Should().Be(TimeSpan.Zero);
    }

    [TestMethod]
    public async Task Deleting_asks_for_background_propagation_and_a_missing_object_is_false()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(Claim("pay", "disk"));
        world.Server.Store.Put(Volume("pv-1"));
        world.Server.Store.Put(DataVolume("pay", "disk"));
        var port = world.Port();

        (await port.DeleteAsync(ApiResource.Claims, "pay", "disk", CancellationToken.None)).Should().BeTrue();
        (await port.DeleteAsync(ApiResource.Volumes, null, "pv-1", CancellationToken.None)).Should().BeTrue();
        (await port.DeleteAsync(ApiResource.DataVolumes, "pay", "disk", CancellationToken.None)).Should().BeTrue();
        (await port.DeleteAsync(ApiResource.DataVolumes, "pay", "disk", CancellationToken.None)).Should().BeFalse();

        world.Server.Store.Get("", "v1", "persistentvolumeclaims", "pay", "disk").Should().BeNull();
        world.Server.Store.Get("", "v1", "persistentvolumes", null, "pv-1").Should().BeNull();
        world.Server.Store.Get("cdi.kubevirt.io", "v1beta1", "datavolumes", "pay", "disk").Should().BeNull();
        var deletes = world.Server.Requests.Entries.Where(r => r.Method == "DELETE").ToList();
        deletes.Select(r => r.Path).Should().Equal(
            "/api/v1/namespaces/pay/persistentvolumeclaims/disk",
            "/api/v1/persistentvolumes/pv-1",
            "/apis/cdi.kubevirt.io/v1beta1/namespaces/pay/datavolumes/disk",
            "/apis/cdi.kubevirt.io/v1beta1/namespaces/pay/datavolumes/disk");
        deletes.Should().OnlyContain(r => r.Query.Contains("propagationPolicy=Background", StringComparison.Ordinal));
        deletes.Select(r => r.StatusCode).Should().Equal(200, 200, 200, 404);
    }

    [TestMethod]
    public async Task A_delete_answered_503_is_sent_again()
    {
        await using var world = await World.StartAsync();
        world.Server.Store.Put(DataVolume("pay", "disk"));
        world.Server.Faults.Add(FaultRule.Status("DELETE", "datavolumes", 503, times: 1));

        var deleted = await world.Port().DeleteAsync(ApiResource.DataVolumes, "pay", "disk", CancellationToken.None);

        deleted.Should().BeTrue();
        world.Server.Requests.Entries.Where(r => r.Method == "DELETE").Select(r => r.StatusCode).Should().Equal(503, 200);
        world.Notes.Should().ContainSingle().Which.Should().StartWith("deleting datavolumes.cdi.kubevirt.io pay/disk: the cluster answered 503");
    }

    [TestMethod]
    public async Task A_self_subject_access_review_sends_the_needs_attributes_and_answers_with_status_allowed()
    {
        await using var world = await World.StartAsync();
        var reviews = new ConcurrentQueue<JsonObject>();
        world.Server.Routes.Map("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", (_, _, body) =>
        {
            var review = (JsonObject)body!.DeepClone();
            reviews.Enqueue((JsonObject)review.DeepClone());
            var attributes = review["spec"]!["resourceAttributes"]!;
            var allowed = KubeJson.Text(attributes["resource"]) != "namespaces";
            review["status"] = new JsonObject { ["allowed"] = allowed };
            return review;
        });
        var port = world.Port();

        var snapshot = await port.CanAsync(new AccessNeed("pay", "create", "cdi.kubevirt.io", "datavolumes", "source"), CancellationToken.None);
        var namespaces = await port.CanAsync(new AccessNeed(null, "delete", "", "namespaces"), CancellationToken.None);

        snapshot.Should().BeTrue();
        namespaces.Should().BeFalse();
        reviews.Select(r => r.ToJsonString()).Should().Equal(
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"create","group":"cdi.kubevirt.io","resource":"datavolumes","namespace":"pay","subresource":"source"}}}""",
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"delete","group":"","resource":"namespaces"}}}""");
    }

    [TestMethod]
    public async Task A_review_without_a_status_is_not_an_allowance()
    {
        await using var world = await World.StartAsync();
        world.Server.Routes.Map("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", (_, _, _) => new JsonObject { ["kind"] = "SelfSubjectAccessReview" });

        var allowed = await world.Port().CanAsync(new AccessNeed("pay", "create", "snapshot.kubevirt.io", "virtualmachinesnapshots"), CancellationToken.None);

        allowed.Should().BeFalse();
    }

    [TestMethod]
    public async Task Open_connects_to_the_kubeconfig_and_context_the_target_names()
    {
        await using var world = await World.StartAsync();
        using var output = new StringWriter();
        var io = new CliIo(output, output, world.Dir.Path, world.Clock);

        var port = KubeClusterObjects.Open(new ManagedClusterTarget(world.Kubeconfig, "stretch-1", null), io);

        port.Context.Should().Be("stretch-1");
        port.Server.Should().Be(world.Server.BaseUri.ToString().TrimEnd('/'));
        (await port.ListAsync(ApiResource.Namespaces, null, null, CancellationToken.None)).Should().BeEmpty();
    }

    [TestMethod]
    public async Task The_real_kubectl_lists_by_the_same_label_what_the_port_created()
    {
        var kubectl = RequiredTool.Kubectl();
        await using var world = await World.StartAsync();
        var port = world.Port();
        await port.CreateAsync(ApiResource.DataVolumes, "pay", DataVolume("pay", "copy-a", "r1"), CancellationToken.None);
        await port.CreateAsync(ApiResource.DataVolumes, "pay", DataVolume("pay", "copy-b", "r1"), CancellationToken.None);
        await port.CreateAsync(ApiResource.DataVolumes, "pay", DataVolume("pay", "other", "r2"), CancellationToken.None);

        var (exit, stdout, stderr) = await Task.Run(() => Support.ProcessRunner.Run(kubectl,
            ["--kubeconfig", world.Kubeconfig, "get", "datavolumes.cdi.kubevirt.io", "-n", "pay", "-l", $"{Rehearsal}=r1", "-o", "jsonpath={.items[*].metadata.name}"],
            null, world.Dir.Path, new Dictionary<string, string> { ["HOME"] = world.Dir.Path }, TimeSpan.FromSeconds(60)));
        var listed = await port.ListAsync(ApiResource.DataVolumes, "pay", $"{Rehearsal}=r1", CancellationToken.None);

        exit.Should().Be(0, stderr);
        stdout.Split(' ').Should().BeEquivalentTo(Names(listed)).And.BeEquivalentTo("copy-a", "copy-b");
    }
}
