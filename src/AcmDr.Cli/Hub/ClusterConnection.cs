using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AcmDr.Cli.Yaml;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Opens a KubernetesClient from a kubeconfig and context, turning every way that can fail into one
/// clear line with exit code 3. Used for the hub and for managed clusters alike.
/// </summary>
public sealed class ClusterConnection
{
    private ClusterConnection(IKubernetes client, string server, string user, string context)
    {
        Client = client;
        Server = server;
        User = user;
        Context = context;
    }

    public IKubernetes Client { get; }

    public string Server { get; }

    /// <summary>The kubeconfig user of the context: who a flip is recorded as.</summary>
    public string User { get; }

    public string Context { get; }

    /// <summary>
    /// Connects to the <paramref name="context"/> (default: the current one) of the kubeconfig: the
    /// <paramref name="kubeconfig"/> file, else the files of $KUBECONFIG as <paramref name="environment"/>
    /// (default: the process's) gives it, merged as kubectl merges them (see <see cref="MergedKubeconfig"/>).
    /// </summary>
    public static ClusterConnection Open(
        string? kubeconfig, string? context, string role = "hub", ConnectionSettings? settings = null, Func<string, string?>? environment = null)
    {
        var files = MergedKubeconfig.Find(kubeconfig, environment ?? Environment.GetEnvironmentVariable, role);
        return Open(files, context, role, settings ?? ConnectionSettings.Default);
    }

    /// <summary>
    /// Connects to the <paramref name="context"/> of the kubeconfig files <paramref name="list"/> names as
    /// $KUBECONFIG does (one path, or several separated by the path separator), merged as kubectl merges them.
    /// </summary>
    public static ClusterConnection OpenList(string list, string? context, string role, string option, ConnectionSettings? settings = null) =>
        Open(MergedKubeconfig.FromList(list, option, role), context, role, settings ?? ConnectionSettings.Default);

    private static ClusterConnection Open(IReadOnlyList<string> files, string? context, string role, ConnectionSettings settings)
    {
        var path = files[0];
        try
        {
            var merged = MergedKubeconfig.Load(files, file => path = file);
            var target = KubeconfigTarget.Resolve(merged, context, role, file => path = file);
            path = merged.FileOf(target.Cluster);
            var trust = ServerTrust.FromKubeconfig(target.Cluster.ClusterEndpoint, target.Cluster.Name, merged.DirectoryOf(target.Cluster), role);
            var userEntry = (object?)target.User ?? target.Context;
            path = merged.FileOf(userEntry);
            var credentials = ClusterCredentials.Resolve(target.User, trust, merged.DirectoryOf(userEntry), settings);
            var config = new KubernetesClientConfiguration
            {
                Host = trust.Server,

                // KubernetesClient sends this as the Host header, which also makes it the TLS server name (SNI) as in kubectl.
                TlsServerName = string.IsNullOrEmpty(target.Cluster.ClusterEndpoint.TlsServerName) ? null : trust.VerifiedHost,
                HttpClientTimeout = settings.RequestTimeout,
                AccessToken = credentials.Token,
                TokenProvider = credentials.TokenSource,
                Username = credentials.Username,
                Password = credentials.Password,

                // No CA and no skip flag reach KubernetesClient, so it installs no certificate check of its own over this one.
                FirstMessageHandlerSetup = handler => UseTls(handler, trust, credentials.ClientCertificate),
            };
            var client = new Kubernetes(config, new RefusedServerHandler());
            return new ClusterConnection(client, trust.Server, target.Context.ContextDetails?.User ?? "unknown", target.Context.Name);
        }
        catch (Exception ex) when (ex is KubeConfigException or YamlException or IOException or UnauthorizedAccessException
            or FormatException or ArgumentException or CryptographicException or UriFormatException)
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable, $"{role}: cannot use kubeconfig '{path}': {StatusText.Clean(Reason(ex))}", ex);
        }
    }

    /// <summary>YamlDotNet says only "Exception during deserialization" and keeps the reason inside.</summary>
    private static string Reason(Exception ex) =>
        ex is YamlException { InnerException: { } inner } yaml ? $"line {yaml.Start.Line}: {inner.Message}" : ex.Message;

    private static void UseTls(SocketsHttpHandler handler, ServerTrust trust, X509Certificate2? clientCertificate)
    {
        handler.SslOptions.RemoteCertificateValidationCallback = trust.Validate;
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }
    }

    /// <summary>
    /// The kubeconfig as KubernetesClient's own loader reads it (the same model, naming, merge keys and
    /// base folder for relative certificate paths), without its KubernetesYaml: that maps every
    /// Kubernetes model type for YAML when first used, 300 ms of every command that talks to a
    /// cluster, where a kubeconfig needs only its own few types, whose members name their YAML keys.
    /// </summary>
    internal static K8SConfiguration LoadKubeconfig(string path)
    {
        using var reader = new StringReader(Input.InputFile.ReadText(path, path, Input.InputLimit.Kubeconfig));
        var config = KubeconfigReader.Value.Deserialize<K8SConfiguration?>(new MergingParser(DepthLimitedParser.Over(reader)))
            ?? throw new KubeConfigException("the file holds no kubeconfig");
        config.FileName = Path.GetFullPath(path);
        return config;
    }

    private static readonly Lazy<IDeserializer> KubeconfigReader = new(() => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithAttemptingUnquotedStringTypeDeserialization()
        .WithTypeMapping<UserCredentials, KubeconfigUserCredentials>()
        .WithNodeDeserializer(new KubeconfigBooleans(), where => where.OnTop())
        .IgnoreUnmatchedProperties()
        .Build());
}
