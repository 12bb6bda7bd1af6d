using System.Text.Json;

namespace AcmDr.Core.Flip;

/// <summary>
/// The audit trail as read from the annotation, damaged or not. <see cref="Kept"/> holds the JSON
/// of each readable entry verbatim (so a fresh write changes none of them); <see cref="Unreadable"/>
/// the text that could not be read (the whole annotation when it is not a JSON array, else a JSON
/// array of the unreadable entries, each verbatim), to be moved aside instead of lost.
/// </summary>
public sealed record FlipTrail(
    IReadOnlyList<FlipHistoryEntry> Entries,
    IReadOnlyList<string> Kept,
    IReadOnlySet<string> Ids,
    string? Unreadable,
    string? Problem)
{
    private static string[] TextFields => ["id", "user", "from", "to", "scope", "reason"];

    public static FlipTrail Empty { get; } = new([], [], new HashSet<string>(StringComparer.Ordinal), null, null);

    /// <summary>Reads any text without throwing: a bad annotation must neither block a failover nor be dropped.</summary>
    public static FlipTrail Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return new FlipTrail([], [], Empty.Ids, text, $"is not JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return new FlipTrail([], [], Empty.Ids, text, $"is JSON {Kind(root)}, not an array of flips");
            }

            var entries = new List<FlipHistoryEntry>();
            var kept = new List<string>();
            var bad = new List<string>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            string? firstWhy = null;
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                index++;
                // Any id counts for recognising a lost answer, even in an entry that cannot be read otherwise.
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }

                var (entry, why) = Entry(element);
                if (entry is not null)
                {
                    entries.Add(entry);
                    kept.Add(element.GetRawText());
                }
                else
                {
                    bad.Add(element.GetRawText());
                    firstWhy ??= $"entry {index}: {why}";
                }
            }

            return bad.Count == 0
                ? new FlipTrail(entries, kept, ids, null, null)
                : new FlipTrail(entries, kept, ids, $"[{string.Join(",", bad)}]", $"{bad.Count} of {index} entries cannot be read ({firstWhy})");
        }
    }

    /// <summary>
    /// An entry when it is an object with an <c>at</c> time and every other field a string, absent or
    /// null (read as unknown: trails written by hand lack ids), else why not.
    /// </summary>
    private static (FlipHistoryEntry? Entry, string? Why) Entry(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, $"JSON {Kind(element)}, not an object");
        }

        if (!element.TryGetProperty("at", out var atValue) || atValue.ValueKind != JsonValueKind.String || !atValue.TryGetDateTimeOffset(out var at))
        {
            return (null, "no 'at' time");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in TextFields)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                fields[name] = null;
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                fields[name] = value.GetString();
            }
            else
            {
                return (null, $"'{name}' is JSON {Kind(value)}, not a string");
            }
        }

        return (new FlipHistoryEntry(fields["id"] ?? string.Empty, at.ToUniversalTime(), fields["user"] ?? "unknown",
            fields["from"] ?? string.Empty, fields["to"] ?? string.Empty, fields["scope"] ?? "site", fields["reason"]), null);
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
