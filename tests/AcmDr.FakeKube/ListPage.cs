using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>
/// <c>limit</c> and <c>continue</c> of a LIST, as the API server pages: at most <c>limit</c> items in
/// key order (namespace, then name), a continue token naming the last key sent and the list's first
/// resourceVersion, and <c>remainingItemCount</c>. Unlike etcd the store keeps no old versions, so a
/// later page reads the objects as they are now, after that key (a write in between can show). A token
/// the server did not make answers 410 Expired, as a compacted one does on kube.
/// </summary>
internal static class ListPage
{
    public static (IReadOnlyList<JsonObject> Items, long ResourceVersion, string? Continue, long? Remaining) Cut(
        IReadOnlyList<JsonObject> items, long resourceVersion, string? limitText, string? continueText)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(continueText))
        {
            var (version, afterNs, afterName) = Decode(continueText);
            resourceVersion = version;
            start = items.Count(o => Compare(o, afterNs, afterName) <= 0);
        }

        var limit = long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : long.MaxValue;
        var rest = items.Count - start;
        if (rest <= limit)
        {
            return ([.. items.Skip(start)], resourceVersion, null, null);
        }

        var page = items.Skip(start).Take((int)limit).ToList();
        var last = page[^1];
        return (page, resourceVersion, Encode(resourceVersion, KubeObject.Namespace(last) ?? "", KubeObject.Name(last) ?? ""), rest - page.Count);
    }

    private static int Compare(JsonObject obj, string ns, string name)
    {
        var byNamespace = string.CompareOrdinal(KubeObject.Namespace(obj) ?? "", ns);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(KubeObject.Name(obj) ?? "", name);
    }

    private static string Encode(long version, string ns, string name) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["rv"] = version, ["ns"] = ns, ["name"] = name }.ToJsonString()));

    private static (long Version, string Namespace, string Name) Decode(string token)
    {
        try
        {
            var json = JsonNode.Parse(Convert.FromBase64String(token)) as JsonObject;
            if (json?["rv"]?.GetValue<long>() is { } version && json["ns"]?.GetValue<string>() is { } ns && json["name"]?.GetValue<string>() is { } name)
            {
                return (version, ns, name);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // Not a token of ours: answered below as an expired one.
        }

        throw new KubeApiException(410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
    }
}
