using System.Net;
using System.Security.Cryptography.X509Certificates;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AcmDr.FakeKube;

/// <summary>
/// An in-process Kubernetes API server on Kestrel (127.0.0.1, a free port) backed by an
/// in-memory store, for tests that drive the real KubernetesClient or kubectl.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;

    private FakeApiServer(TimeProvider clock)
    {
        Clock = clock;
        Store = new ObjectStore(Registry, clock);
    }

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public ResourceRegistry Registry { get; } = new();

    public ObjectStore Store { get; }

    /// <summary>The server's clock: timestamps, watch timeouts and delay faults run on it.</summary>
    public TimeProvider Clock { get; }

    public FaultInjector Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    /// <summary>Checks every request passes before it is handled (none unless a test adds them).</summary>
    public AdmissionChecks Admission { get; } = new();

    /// <summary>Extra handlers for paths outside the resource API (aggregated subresources).</summary>
    public CustomRoutes Routes { get; } = new();

    /// <summary>Starts the server; with <paramref name="httpsCertificate"/> (holding its private key) it serves HTTPS with that certificate.</summary>
    public static async Task<FakeApiServer> StartAsync(TimeProvider? clock = null, X509Certificate2? httpsCertificate = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeApiServer(clock ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http1;
            if (httpsCertificate is not null)
            {
                l.UseHttps(httpsCertificate);
            }
        }));
        var app = builder.Build();
        var pipeline = new RequestPipeline(server, server.stopping.Token);
        app.Run(pipeline.InvokeAsync);
        await app.StartAsync(cancellationToken);
        server.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public ResourceType RegisterResource(string group, string version, string kind, string plural, bool namespaced, params string[] shortNames) =>
        Registry.Register(group, version, kind, plural, namespaced, shortNames);

    /// <summary>Writes a kubeconfig usable by kubectl and KubernetesClient; the cluster is named after the context.</summary>
    public void WriteKubeconfig(string path, string context = "fake", string user = "tester") =>
        File.WriteAllText(path, Kubeconfig.Render(BaseUri, context, user));

    /// <summary>A KubernetesClient pointed at this server; the caller disposes it.</summary>
    public IKubernetes CreateClient() =>
        new Kubernetes(new KubernetesClientConfiguration { Host = BaseUri.ToString(), AccessToken = Kubeconfig.Token });

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(grace.Token);
            await app.DisposeAsync();
        }

        stopping.Dispose();
    }
}
