using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AcmDr.Core.Compliance;
using k8s.Authentication;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Who acmdr is on a cluster, from the kubeconfig user as kubectl reads it: a client certificate
/// (data or file), a bearer token (token, else tokenFile, else an oidc auth-provider's id-token, else
/// an exec plugin), or a user name and password. A user with none of these is anonymous, as in kubectl.
/// </summary>
internal sealed record ClusterCredentials(string? Token, ITokenProvider? TokenSource, string? Username, string? Password, X509Certificate2? ClientCertificate)
{
    private static readonly string[] OidcRefreshKeys = ["client-id", "idp-issuer-url", "refresh-token"];

    public static ClusterCredentials Resolve(User? user, ServerTrust cluster, string kubeconfigDirectory, ConnectionSettings settings)
    {
        var credentials = user?.UserCredentials;
        if (user is null || credentials is null)
        {
            return new ClusterCredentials(null, null, null, null, null);
        }

        var name = user.Name ?? "";
        var certificatePem = Pem(credentials.ClientCertificateData, credentials.ClientCertificate, "client-certificate", name, kubeconfigDirectory);
        var keyPem = Pem(credentials.ClientKeyData, credentials.ClientKey, "client-key", name, kubeconfigDirectory);
        string? token = null;
        ITokenProvider? source = null;
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            token = credentials.Token;
        }
        else if (credentials is KubeconfigUserCredentials { TokenFile: { Length: > 0 } tokenFile })
        {
            source = TokenFileSource.Open(Path.GetFullPath(tokenFile, kubeconfigDirectory), name, settings.Clock, cluster.Role);
        }
        else if (credentials.AuthProvider is { } provider)
        {
            (token, source) = FromAuthProvider(provider, name);
        }
        else if (credentials.ExternalExecution is { } exec)
        {
            // An explicit token wins over the plugin, as in kubectl, which then never runs it.
            var plugin = new ExecCredentialPlugin(exec, name, kubeconfigDirectory, cluster, settings);
            var answer = plugin.Run();
            if (answer.Token is not null)
            {
                source = new ExecTokenSource(plugin, answer, settings.Clock);
            }

            if (certificatePem is null && answer.ClientCertificatePem is not null)
            {
                (certificatePem, keyPem) = (answer.ClientCertificatePem, answer.ClientKeyPem);
            }
        }

        var hasBearer = token is not null || source is not null;
        if (hasBearer && !string.IsNullOrEmpty(credentials.UserName))
        {
            throw new KubeConfigException($"user '{StatusText.Clean(name)}' sets both a user name and a token, which kubectl does not allow either");
        }

        var username = string.IsNullOrEmpty(credentials.UserName) ? null : credentials.UserName;
        return new ClusterCredentials(token, source, username, username is null ? null : credentials.Password, LoadClientCertificate(certificatePem, keyPem, name));
    }

    private static X509Certificate2? LoadClientCertificate(string? certificatePem, string? keyPem, string user)
    {
        if (certificatePem is null && keyPem is null)
        {
            return null;
        }

        if (certificatePem is null || keyPem is null)
        {
            throw new KubeConfigException($"user '{StatusText.Clean(user)}' has a client {(certificatePem is null ? "key without a certificate" : "certificate without a key")}");
        }

        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"the client certificate and key of user '{StatusText.Clean(user)}' cannot be used: {StatusText.Clean(ex.Message)}");
        }
    }

    /// <summary>The PEM text of a *-data field (base64, preferred as in client-go) or of the file it names.</summary>
    private static string? Pem(string? data, string? file, string field, string user, string kubeconfigDirectory)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException)
            {
                throw new KubeConfigException($"{field}-data of user '{StatusText.Clean(user)}' is not valid base64");
            }
        }

        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var path = Path.GetFullPath(file, kubeconfigDirectory);
        try
        {
            return KubeconfigFile.ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read {field} '{path}' of user '{StatusText.Clean(user)}': {StatusText.Clean(ex.Message)}");
        }
    }

    private static (string? Token, ITokenProvider? Source) FromAuthProvider(AuthProvider provider, string user)
    {
        var config = provider.Config ?? [];
        if (provider.Name != "oidc")
        {
            throw new KubeConfigException($"user '{StatusText.Clean(user)}' uses auth-provider '{StatusText.Clean(provider.Name)}', which kubectl no longer supports either: use an exec credential plugin");
        }

        var idToken = config.GetValueOrDefault("id-token");
        if (string.IsNullOrEmpty(idToken))
        {
            throw new KubeConfigException($"the oidc auth-provider of user '{StatusText.Clean(user)}' holds no id-token: log in again");
        }

        var refreshable = OidcRefreshKeys.All(k => !string.IsNullOrEmpty(config.GetValueOrDefault(k)));
        return refreshable
            ? (null, new OidcTokenProvider(config["client-id"], config.GetValueOrDefault("client-secret"), config["idp-issuer-url"], idToken, config["refresh-token"]))
            : (idToken, null);
    }
}
