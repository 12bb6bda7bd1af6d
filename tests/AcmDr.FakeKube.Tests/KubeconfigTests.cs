using FluentAssertions;
using k8s;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class KubeconfigTests
{
    [TestMethod]
    public async Task Written_kubeconfig_works_with_KubernetesClient_for_the_named_context()
    {
        await using var server = await FakeApiServer.StartAsync();
        var path = Path.Combine(Directory.CreateTempSubdirectory("fakekube-config-").FullName, "kubeconfig");
        server.WriteKubeconfig(path, context: "hub", user: "admin");
        server.Store.Put(TestObjects.ConfigMap("acmdr", "acmdr-sites", "Primary"));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, "hub");
        using var client = new Kubernetes(config);
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("acmdr-sites", "acmdr");

        read.Data["site"].Should().Be("Primary");
        config.Host.Should().StartWith("http://127.0.0.1:");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [TestMethod]
    public async Task Servers_bind_distinct_loopback_ports()
    {
        await using var first = await FakeApiServer.StartAsync();
        await using var second = await FakeApiServer.StartAsync();

        first.BaseUri.Host.Should().Be("127.0.0.1");
        first.BaseUri.Port.Should().NotBe(0).And.NotBe(second.BaseUri.Port);
    }
}
