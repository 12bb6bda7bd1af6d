namespace AcmDr.Cli.Tests.Support;

/// <summary>A schema's group, version and kind; the core group is "".</summary>
public readonly record struct SchemaKey(string Group, string Version, string Kind)
{
    public static SchemaKey FromApiVersion(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.LastIndexOf('/');
        return slash < 0
            ? new SchemaKey(string.Empty, apiVersion, kind)
            : new SchemaKey(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => $"{ApiVersion} {Kind}";
}
