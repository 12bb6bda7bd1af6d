using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>A fake hub holding the switch generated from an inventory, and a working directory with a kubeconfig.</summary>
public sealed class FakeHub : IAsyncDisposable
{
    private FakeHub(FakeApiServer server, TempDir dir)
    {
        Server = server;
        Dir = dir;
    }

    public FakeApiServer Server { get; }

    public TempDir Dir { get; }

    public string Kubeconfig => Dir.File("kubeconfig");

    /// <param name="settingsYaml">inventory/acmdr.yaml, written before generate runs; null: none.</param>
    public static async Task<FakeHub> StartAsync(string inventory = Inventories.Example, string? settingsYaml = null)
    {
        var server = await FakeApiServer.StartAsync();
        var dir = new TempDir();
        dir.File("inventory/apps.csv", inventory);
        if (settingsYaml is not null)
        {
            dir.File("inventory/acmdr.yaml", settingsYaml);
        }

        var generated = await CliRunner.RunAsync(dir.Path, "generate");
        if (generated.ExitCode != 0)
        {
            throw new InvalidOperationException(generated.ToString());
        }

        server.WriteKubeconfig(dir.File("kubeconfig"), context: "hub", user: "alice");
        server.Store.Put(SwitchFrom(File.ReadAllText(dir.File("policies/base/acmdr-sites.yaml"))));
        return new FakeHub(server, dir);
    }

    public JsonObject Switch => Server.Store.Get(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites")!;

    public string? Data(string key) => Switch["data"]?[key]?.GetValue<string>();

    public Task<CliResult> AcmdrAsync(params string[] args) =>
        CliRunner.RunAsync(Dir.Path, [.. args, "--kubeconfig", Kubeconfig]);

    /// <summary>Runs acmdr in-process; cancelling <paramref name="cancel"/> is the user's Ctrl+C.</summary>
    public async Task<CliResult> AcmdrAsync(CancellationToken cancel, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await Cli.CliApp.RunAsync([.. args, "--kubeconfig", Kubeconfig], new Cli.CliIo(output, error, Dir.Path, TimeProvider.System), cancel);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs acmdr in-process with its waits on <paramref name="clock"/>.</summary>
    public async Task<CliResult> AcmdrAsync(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await Cli.CliApp.RunAsync([.. args, "--kubeconfig", Kubeconfig], new Cli.CliIo(output, error, Dir.Path, clock));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs acmdr in-process as on a terminal, with <paramref name="typed"/> as what the user types.</summary>
    public async Task<CliResult> AcmdrOnTerminalAsync(string typed, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(typed);
        var io = new Cli.CliIo(output, error, Dir.Path, TimeProvider.System) { IsTerminal = true, ReadLine = input.ReadLine };
        var exit = await Cli.CliApp.RunAsync([.. args, "--kubeconfig", Kubeconfig], io);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }

    /// <summary>The generated ConfigMap file as the JSON object the API server would store.</summary>
    public static JsonObject SwitchFrom(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var meta = (YamlMappingNode)root["metadata"];
        var data = new JsonObject();
        foreach (var (key, value) in (YamlMappingNode)root["data"])
        {
            data[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = ((YamlScalarNode)meta["name"]).Value,
                ["namespace"] = ((YamlScalarNode)meta["namespace"]).Value,
                ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "acmdr" },
            },
            ["data"] = data,
        };
    }
}
