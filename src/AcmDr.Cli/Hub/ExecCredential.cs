namespace AcmDr.Cli.Hub;

/// <summary>What an exec credential plugin answered: a bearer token, or a client certificate and key (PEM), until when.</summary>
public sealed record ExecCredential(string? Token, string? ClientCertificatePem, string? ClientKeyPem, DateTimeOffset? Expires);
