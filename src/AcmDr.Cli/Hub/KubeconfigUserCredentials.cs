using k8s.KubeConfigModels;
using YamlDotNet.Serialization;

namespace AcmDr.Cli.Hub;

/// <summary>KubernetesClient's user model lacks kubectl's <c>tokenFile</c>; acmdr reads the user with it.</summary>
public sealed class KubeconfigUserCredentials : UserCredentials
{
    [YamlMember(Alias = "tokenFile")]
    public string? TokenFile { get; set; }
}
