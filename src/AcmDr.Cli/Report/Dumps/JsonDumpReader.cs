using System.Text.Json;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>
/// Reads <c>kubectl get -o json</c> output (one List, one object, or several concatenated) with a
/// forward-only reader, skipping what the report never needs.
/// </summary>
internal static class JsonDumpReader
{
    private const int MaxDepth = 256;

    public static List<DumpNode> Read(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = MaxDepth,
        });
        var documents = new List<DumpNode>();
        try
        {
            while (reader.Read())
            {
                documents.Add(ReadValue(ref reader));
            }
        }
        catch (JsonException ex)
        {
            throw new DumpFileException(file, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1,
                "not valid JSON: " + FirstSentence(ex.Message), ex);
        }
        catch (InvalidOperationException ex)
        {
            // A string the reader cannot turn into text: an escaped lone surrogate such as "\ud800".
            var before = bytes[..(int)reader.TokenStartIndex];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            throw new DumpFileException(file, before.Count((byte)'\n') + 1, before.Length - lineStart + 1,
                "not valid JSON: " + ex.Message.TrimEnd('.'), ex);
        }

        return documents;
    }

    /// <summary>The key a resolved site is kept under, as the YAML skipper keeps it: the -site template's annotation.</summary>
    public const string ResolvedSiteKey = PolicyNames.ResolvedSiteAnnotation;

    /// <summary>Reads past the current value; the first <c>acmdr.io/site</c> string in it that is a site name, or null.</summary>
    private static string? ResolvedSite(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return null;
        }

        string? found = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (found is null && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(ResolvedSiteKey))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } value && Names.IsLabelValue(value))
                {
                    found = value;
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return found;
    }

    private static DumpNode ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, DumpNode>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    if (DumpNode.IsSkipped(key, map.GetValueOrDefault("kind")?.Scalar))
                    {
                        // Only a -site template's resolved site is kept from a skipped subtree, as a key of this object.
                        if (ResolvedSite(ref reader) is { } site)
                        {
                            map[ResolvedSiteKey] = DumpNode.OfScalar(site);
                        }

                        continue;
                    }

                    map[key] = ReadValue(ref reader);
                }

                return DumpNode.OfMap(map);
            case JsonTokenType.StartArray:
                var items = new List<DumpNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return DumpNode.OfItems(items);
            case JsonTokenType.String:
                return DumpNode.OfScalar(reader.GetString());
            case JsonTokenType.Null:
                return DumpNode.OfScalar(null);
            default:
                // Numbers and booleans keep their JSON text, as YAML scalars do.
                return DumpNode.OfScalar(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
