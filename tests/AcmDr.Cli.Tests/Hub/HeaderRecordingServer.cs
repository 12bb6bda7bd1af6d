using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>
/// A minimal API server that records each request's Authorization header (and, over HTTPS, the
/// client certificate it was given) and answers every request with a ConfigMap.
/// </summary>
public sealed class HeaderRecordingServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private HeaderRecordingServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public ConcurrentQueue<string> ClientCertificates { get; } = new();

    /// <summary>With <paramref name="certificate"/> it serves HTTPS and requires a client certificate (any issuer).</summary>
    public static async Task<HeaderRecordingServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            if (certificate is not null)
            {
                l.UseHttps(certificate, https =>
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.AllowAnyClientCertificate();
                });
            }
        }));
        var app = builder.Build();
        HeaderRecordingServer? server = null;
        app.Run(async context =>
        {
            server!.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            server.ClientCertificates.Enqueue(context.Connection.ClientCertificate?.Subject ?? "");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"y"}}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new HeaderRecordingServer(app, address.TrimEnd('/'));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
