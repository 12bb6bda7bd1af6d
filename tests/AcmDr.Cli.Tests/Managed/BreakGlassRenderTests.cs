using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace AcmDr.Cli.Tests.Managed;

[TestClass]
public sealed class BreakGlassRenderTests
{
    [TestMethod]
    public async Task Render_builds_with_kubectl_kustomize_and_covers_exactly_the_scope()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example + "web,2,web,web-1,stretch-1,30,db\ncache,3,cache,cache-0,stretch-1,,\n");

        var result = await CliRunner.RunAsync(dir.Path, "breakglass", "--to", "DR", "--tier", "1", "--app", "web", "--render", "out");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Contain("acmdr flip --to DR --app web --tier 1");
        var (exit, output, error) = await KustomizeTool.BuildAsync(Path.Combine(dir.Path, "out"));
        exit.Should().Be(0, error);
        var documents = Documents(output);
        documents.Select(d => $"{Field(d, "metadata", "namespace")}/{Field(d, "metadata", "name")}")
            .Should().BeEquivalentTo("finance/db-0", "finance/db-1", "web/web-0", "web/web-1");
        documents.Should().OnlyContain(d => (string)d["apiVersion"] == "kubevirt.io/v1" && (string)d["kind"] == "VirtualMachine");
        documents.Should().OnlyContain(d => Field(d, "spec", "template", "spec", "nodeSelector", "topology.kubernetes.io/site") == "DR");
        documents.Should().OnlyContain(d => ((Dictionary<object, object>)d["spec"]).Count == 1 && ((Dictionary<object, object>)d["metadata"]).Count == 2,
            "a break glass document carries nothing but its name and the site key");
    }

    [TestMethod]
    public async Task Rendering_again_with_a_smaller_scope_removes_the_files_it_no_longer_needs()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("out/README.txt", "mine");
        (await CliRunner.RunAsync(dir.Path, "breakglass", "--to", "DR", "--render", "out")).ExitCode.Should().Be(0);

        var result = await CliRunner.RunAsync(dir.Path, "breakglass", "--to", "DR", "--tier", "2", "--render", "out");

        result.ExitCode.Should().Be(0, result.ToString());
        dir.Snapshot().Keys.Should().BeEquivalentTo(
            Path.Combine("inventory", "apps.csv"), Path.Combine("out", "README.txt"), Path.Combine("out", ".acmdr.lock"), Path.Combine("out", "kustomization.yaml"),
            Path.Combine("out", "tier-2", "kustomization.yaml"), Path.Combine("out", "tier-2", "web.web-0.yaml"));
    }

    private static List<Dictionary<object, object>> Documents(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser));
        }

        return documents;
    }

    private static string? Field(Dictionary<object, object> document, params string[] path)
    {
        object? node = document;
        foreach (var key in path)
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null;
        }

        return node as string;
    }
}
