namespace AcmDr.FakeKube;

/// <summary>
/// A resource URL taken apart: <c>/api/v1/...</c> or <c>/apis/{group}/{version}/...</c> followed by
/// <c>[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>.
/// </summary>
internal sealed record ApiPath(string Group, string Version, string? Plural, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Null when the path is not under /api/v1 or /apis/g/v.</summary>
    public static ApiPath? Parse(string path, ResourceRegistry registry)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        string[] rest;
        if (segments.Length >= 2 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], segments[2..]);
        }
        else if (segments.Length >= 3 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        if (rest.Length >= 3 && rest[0] == "namespaces" && registry.Find(group, version, rest[2])?.Namespaced == true)
        {
            return new ApiPath(group, version, rest[2], rest[1], At(rest, 3), At(rest, 4));
        }

        return new ApiPath(group, version, At(rest, 0), null, At(rest, 1), At(rest, 2));
    }

    private static string? At(string[] segments, int index) => index < segments.Length ? Uri.UnescapeDataString(segments[index]) : null;
}
