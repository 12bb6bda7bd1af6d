using AcmDr.Cli.Yaml;
using AcmDr.Core;
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

    public static ClusterConnection Open(string? kubeconfig, string? context, string role = "hub")
    {
        var path = kubeconfig
            ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0)
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path))
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable, $"{role}: kubeconfig '{path}' not found");
        }

        try
        {
            var loaded = LoadKubeconfig(path);
            var contextName = context ?? loaded.CurrentContext;
            var entry = loaded.Contexts?.FirstOrDefault(c => c.Name == contextName)
                ?? throw new AcmDrException(ExitCodes.ClusterUnavailable,
                    $"{role}: context '{contextName}' not found in {path} (contexts: {string.Join(", ", loaded.Contexts?.Select(c => c.Name) ?? [])})");
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(loaded, contextName);
            config.HttpClientTimeout = TimeSpan.FromSeconds(30);
            return new ClusterConnection(new Kubernetes(config), config.Host, entry.ContextDetails?.User ?? "unknown", contextName);
        }
        catch (Exception ex) when (ex is KubeConfigException or YamlException or IOException or UnauthorizedAccessException)
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable, $"{role}: cannot use kubeconfig '{path}': {ex.Message}", ex);
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
        .IgnoreUnmatchedProperties()
        .Build());
}
