using System.Globalization;
using System.Text.Json;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Reads the ExecCredential a plugin prints, with client-go's checks: the apiVersion it was asked for,
/// kind ExecCredential, a status holding a token or both a client certificate and key.
/// </summary>
internal static class ExecCredentialOutput
{
    public static ExecCredential Parse(byte[] output, string apiVersion, ExecCredentialPlugin plugin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw plugin.Failure($"printed no valid ExecCredential JSON ({Core.Compliance.StatusText.Clean(ex.Message)})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw plugin.Failure("printed JSON that is not an ExecCredential object");
            }

            var version = Text(root, "apiVersion", plugin);
            if (version != apiVersion)
            {
                throw plugin.Failure($"answered apiVersion '{Core.Compliance.StatusText.Clean(version)}' where it was asked for {apiVersion}");
            }

            if (Text(root, "kind", plugin) != "ExecCredential")
            {
                throw plugin.Failure("printed JSON whose kind is not ExecCredential");
            }

            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
            {
                throw plugin.Failure("printed an ExecCredential without a status");
            }

            var token = Text(status, "token", plugin);
            var certificate = Text(status, "clientCertificateData", plugin);
            var key = Text(status, "clientKeyData", plugin);
            if (string.IsNullOrEmpty(certificate) != string.IsNullOrEmpty(key))
            {
                throw plugin.Failure("returned a client certificate or key without the other");
            }

            if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(certificate))
            {
                throw plugin.Failure("returned neither a token nor a client certificate and key");
            }

            var expires = Text(status, "expirationTimestamp", plugin) is { Length: > 0 } stamp
                ? DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : throw plugin.Failure("returned an expirationTimestamp that is not a time")
                : (DateTimeOffset?)null;
            return new ExecCredential(NullIfEmpty(token), NullIfEmpty(certificate), NullIfEmpty(key), expires);
        }
    }

    private static string? Text(JsonElement parent, string name, ExecCredentialPlugin plugin) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw plugin.Failure($"printed an ExecCredential whose {name} is not a string");

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
