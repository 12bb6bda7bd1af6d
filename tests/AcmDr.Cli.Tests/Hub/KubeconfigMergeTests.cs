using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Options;
using AcmDr.Cli.Tests.Report;
using AcmDr.Cli.Tests.Support;
using AcmDr.Core;
using AcmDr.FakeKube;
using AcmDr.TestSupport;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>$KUBECONFIG lists files that every command merges as kubectl does: the first file defining a name wins.</summary>
[TestClass]
public sealed class KubeconfigMergeTests
{
    public static IEnumerable<object[]> ClusterCommands => OptionsTestDir.ClusterCommands;

    /// <summary>Runs acmdr in-process with only <paramref name="kubeconfig"/> as its $KUBECONFIG.</summary>
    private static async Task<CliResult> RunAsync(string directory, string kubeconfig, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, directory, TimeProvider.System) { Environment = name => name == "KUBECONFIG" ? kubeconfig : null };
        var exit = await CliApp.RunAsync(args, io);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private static Func<string, string?> Listing(params string[] files) =>
        name => name == "KUBECONFIG" ? string.Join(Path.PathSeparator, files) : null;

    private static string Kubeconfig(string? current, string contexts, string clusters = "[]", string users = "[]") => $"""
        apiVersion: v1
        kind: Config
        {(current is null ? string.Empty : "current-context: " + current)}
        clusters: {clusters}
        contexts: {contexts}
        users: {users}
        """;

    private static string Other(TempDir dir) => dir.File("managed.kubeconfig", Kubeconfig("east",
        "[{name: east, context: {cluster: east, user: bob}}]", "[{name: east, cluster: {server: 'https://127.0.0.1:1'}}]", "[{name: bob, user: {token: b}}]"));

    [TestMethod]
    public async Task Flip_finds_a_context_defined_in_the_second_file_of_KUBECONFIG()
    {
        await using var hub = await FakeHub.StartAsync();
        var before = hub.Switch.ToJsonString();

        var result = await RunAsync(hub.Dir.Path, string.Join(Path.PathSeparator, Other(hub.Dir), hub.Kubeconfig), "flip", "--to", "DR", "--dry-run", "--context", "hub");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("dry run").And.Contain("\"site\":\"DR\"");
        hub.Switch.ToJsonString().Should().Be(before);
    }

    [TestMethod]
    [DynamicData(nameof(ClusterCommands))]
    public async Task Every_cluster_command_looks_for_the_context_in_every_listed_file_and_skips_missing_ones(string[] command)
    {
        using var dir = OptionsTestDir.Create();
        var other = Other(dir);

        var result = await RunAsync(dir.Path, $"{dir.File("missing")}{Path.PathSeparator}{Path.PathSeparator}{dir.File("kubeconfig")}{Path.PathSeparator}{other}",
            [.. command, "--context", "nope"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Trim().Split('\n').Should().ContainSingle().Which.Should()
            .StartWith($"acmdr: ").And.Contain($"context 'nope' not found in {dir.File("kubeconfig")}, {other} (contexts: ").And.EndWith(", east)");
    }

    [TestMethod]
    public async Task A_list_of_files_none_of_which_exists_is_one_line_with_exit_3()
    {
        using var dir = OptionsTestDir.Create();

        var result = await RunAsync(dir.Path, $"{dir.File("a")}{Path.PathSeparator}{dir.File("b")}", "flip", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Be($"acmdr: hub: no kubeconfig of $KUBECONFIG found ({dir.File("a")}, {dir.File("b")})\n");
    }

    [TestMethod]
    public async Task The_kubeconfig_option_names_the_only_file_read_whatever_KUBECONFIG_lists()
    {
        await using var hub = await FakeHub.StartAsync();
        var other = Other(hub.Dir);

        var result = await RunAsync(hub.Dir.Path, hub.Kubeconfig, "flip", "--to", "DR", "--dry-run", "--context", "hub", "--kubeconfig", other);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Be($"acmdr: hub: context 'hub' not found in {other} (contexts: east)\n");
    }

    [TestMethod]
    public async Task Report_reads_managed_clusters_from_a_list_of_kubeconfigs_without_merging_them_first()
    {
        using var dir = new TempDir();
        await using var east = await FakeApiServer.StartAsync();
        await using var west = await FakeApiServer.StartAsync();
        ManagedObjects.Node(east, "e-1", "DR");
        ManagedObjects.Instance(east, "finance", "db-0", "Running", "e-1");
        ManagedObjects.Node(west, "w-1", "Primary");
        ManagedObjects.Instance(west, "finance", "db-1", "Running", "w-1");
        ManagedObjects.Vm(west, "finance", "db-1", "DR");
        east.WriteKubeconfig(dir.File("east.kubeconfig"), context: "admin@east", user: "east-viewer");
        west.WriteKubeconfig(dir.File("west.kubeconfig"), context: "admin@west", user: "west-viewer");
        var dump = new HubDump()
            .Root("dr-db-east", "db", 1, "finance/db-0", 15, ("east", "Compliant"))
            .Root("dr-db-west", "db", 1, "finance/db-1", 15, ("west", "Compliant"))
            .Yaml();

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, dump, "--to", "DR",
            "--managed-kubeconfig", $"{dir.File("east.kubeconfig")}{Path.PathSeparator}{dir.File("west.kubeconfig")}",
            "--managed-context", "east=admin@east", "--managed-context", "west=admin@west");

        result.ExitCode.Should().Be(1, result.ToString());
        report.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Should().Contain(["managed cluster east", "managed cluster west"]);
        report.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("vm").GetString() == "db-1")
            .GetProperty("reason").GetString().Should().Be("runs on node w-1 at Primary; not live-migratable, so the flip cannot migrate it; next: acmdr relocate (restarts it at DR)");
    }

    [TestMethod]
    public void The_first_file_defining_a_context_cluster_or_user_wins()
    {
        using var dir = new TempDir();
        var first = dir.File("first", Kubeconfig(null, "[{name: hub, context: {cluster: hub, user: alice}}]",
            "[{name: hub, cluster: {server: 'https://first.example'}}]", "[{name: alice, user: {token: a}}]"));
        var second = dir.File("second", Kubeconfig("hub", "[{name: hub, context: {cluster: hub, user: bob}}, {name: other, context: {cluster: hub, user: alice}}]",
            "[{name: hub, cluster: {server: 'https://second.example'}}]", "[{name: alice, user: {token: b}}, {name: bob, user: {token: b}}]"));

        var hub = ClusterConnection.Open(null, null, environment: Listing(first, second));
        var other = ClusterConnection.Open(null, "other", environment: Listing(first, second));
        var reversed = ClusterConnection.Open(null, null, environment: Listing(second, first));

        (hub.Context, hub.Server, hub.User).Should().Be(("hub", "https://first.example", "alice"));
        (other.Context, other.Server, other.User).Should().Be(("other", "https://first.example", "alice"));
        (reversed.Context, reversed.Server, reversed.User).Should().Be(("hub", "https://second.example", "bob"));
    }

    [TestMethod]
    public void The_current_context_comes_from_the_first_file_that_sets_one()
    {
        using var dir = new TempDir();
        var contexts = "[{name: a, context: {cluster: c}}, {name: b, context: {cluster: c}}, {name: c, context: {cluster: c}}]";
        var none = dir.File("none", Kubeconfig(null, contexts, "[{name: c, cluster: {server: 'https://c.example'}}]"));
        var b = dir.File("b", Kubeconfig("b", "[]"));
        var c = dir.File("c", Kubeconfig("c", "[]"));

        ClusterConnection.Open(null, null, environment: Listing(none, b, c)).Context.Should().Be("b");
        ClusterConnection.Open(null, null, environment: Listing(c, none, b)).Context.Should().Be("c");
        FluentActions.Invoking(() => ClusterConnection.Open(null, null, environment: Listing(none, dir.File("empty", string.Empty))))
            .Should().Throw<AcmDrException>().WithMessage($"hub: {none}, {dir.File("empty")} set no current-context; name one with --context");
    }

    [TestMethod]
    public void Relative_paths_resolve_against_the_folder_of_the_file_that_defines_the_cluster_or_user()
    {
        using var dir = new TempDir();
        dir.File("one/token", "token-one");
        dir.File("two/ca.pem", AuthorityPem());
        var one = dir.File("one/kubeconfig", Kubeconfig("hub", "[{name: hub, context: {cluster: hub, user: alice}}]", users: "[{name: alice, user: {tokenFile: token}}]"));
        var two = dir.File("two/kubeconfig", Kubeconfig(null, "[]", "[{name: hub, cluster: {server: 'https://hub.example', certificate-authority: ca.pem}}]"));
        var broken = dir.File("three/kubeconfig", Kubeconfig(null, "[]", "[{name: hub, cluster: {server: 'https://hub.example', certificate-authority: ca.pem}}]"));

        var hub = ClusterConnection.Open(null, null, environment: Listing(one, two));
        var error = FluentActions.Invoking(() => ClusterConnection.Open(null, null, environment: Listing(one, broken))).Should().Throw<AcmDrException>().Which;

        (hub.Server, hub.User).Should().Be(("https://hub.example", "alice"));
        error.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        error.Message.Should().StartWith($"hub: cannot use kubeconfig '{broken}': ").And.Contain(dir.File("three/ca.pem"));
    }

    [TestMethod]
    [DataRow("a:b", DisplayName = "a then b")]
    [DataRow("b:a", DisplayName = "b then a")]
    [DataRow("a:missing:b:c", DisplayName = "a missing file in the list")]
    [DataRow("c:b:a", DisplayName = "c first")]
    public void Every_context_resolves_to_the_cluster_and_user_kubectl_merges_for_it(string list)
    {
        using var dir = new TempDir();
        dir.File("a/ca.pem", "ca of a");
        dir.File("b/ca.pem", "ca of b");
        dir.File("a/a", Kubeconfig(null, "[{name: x, context: {cluster: cx, user: ux}}, {name: shared, context: {cluster: cx, user: ux}}]",
            "[{name: cx, cluster: {server: 'https://a.example:6443', certificate-authority: ca.pem}}]", "[{name: ux, user: {token: a}}]"));
        dir.File("b/b", Kubeconfig("shared", "[{name: shared, context: {cluster: cy, user: uy}}, {name: z, context: {cluster: cx, user: uy}}]",
            "[{name: cy, cluster: {server: 'https://b.example:6443', certificate-authority: ca.pem}}, {name: cx, cluster: {server: 'https://b-cx.example'}}]",
            "[{name: uy, user: {token: b}}, {name: ux, user: {token: b}}]"));
        dir.File("c/c", Kubeconfig("z", "[{name: z, context: {cluster: cy, user: ux}}]", "[{name: cy, cluster: {server: 'https://c.example'}}]"));
        var files = list.Split(':').Select(name => dir.File($"{name}/{name}")).ToArray();
        var kubectl = KubectlView(dir, string.Join(Path.PathSeparator, files));

        var merged = MergedKubeconfig.Load(MergedKubeconfig.Find(null, Listing(files), "hub"), _ => { });

        merged.Config.CurrentContext.Should().Be(kubectl.GetProperty("current-context").GetString());
        var contexts = kubectl.GetProperty("contexts").EnumerateArray().ToList();
        merged.Config.Contexts.Select(c => c.Name).Distinct().Should().BeEquivalentTo(contexts.Select(c => c.GetProperty("name").GetString()));
        foreach (var context in contexts)
        {
            var name = context.GetProperty("name").GetString();
            var target = KubeconfigTarget.Resolve(merged, name, "hub", _ => { });
            var cluster = Named(kubectl, "clusters", context.GetProperty("context").GetProperty("cluster").GetString()).GetProperty("cluster");
            var user = Named(kubectl, "users", context.GetProperty("context").GetProperty("user").GetString()).GetProperty("user");
            target.Cluster.ClusterEndpoint.Server.Should().Be(cluster.GetProperty("server").GetString(), name);
            Authority(merged, target.Cluster).Should().Be(cluster.TryGetProperty("certificate-authority-data", out var data) ? data.GetString() : null, name);
            target.User!.UserCredentials.Token.Should().Be(user.GetProperty("token").GetString(), name);
        }
    }

    private static string? Authority(MergedKubeconfig merged, k8s.KubeConfigModels.Cluster cluster) =>
        cluster.ClusterEndpoint.CertificateAuthority is { } file
            ? Convert.ToBase64String(File.ReadAllBytes(Path.GetFullPath(file, merged.DirectoryOf(cluster))))
            : null;

    private static JsonElement Named(JsonElement config, string list, string? name) =>
        config.GetProperty(list).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    /// <summary>The real kubectl's merge of the list, certificate files inlined.</summary>
    private static JsonElement KubectlView(TempDir dir, string list)
    {
        var (exitCode, output, error) = ProcessRunner.Run(RequiredTool.Kubectl(), ["config", "view", "--merge", "--flatten", "-o", "json"], null, dir.Path,
            new Dictionary<string, string> { ["KUBECONFIG"] = list }, TimeSpan.FromSeconds(30));
        exitCode.Should().Be(0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string AuthorityPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
