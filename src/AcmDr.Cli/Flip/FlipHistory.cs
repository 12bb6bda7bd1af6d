using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcmDr.Cli.Flip;

/// <summary>One entry of the audit trail kept on the switch (annotation <see cref="Annotation"/>).</summary>
public sealed record FlipHistoryEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>
/// The audit trail: a JSON array, newest first, of the last <see cref="Keep"/> flips, in an
/// annotation of the switch so it changes in the same write as the site itself.
/// </summary>
public static class FlipHistory
{
    public const string Annotation = "acmdr.io/flip-history";
    public const int Keep = 20;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IReadOnlyList<FlipHistoryEntry> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<FlipHistoryEntry>>(text, Json) ?? [];
        }
        catch (JsonException)
        {
            // A hand-edited trail must not block a failover; it is replaced by a fresh one.
            return [];
        }
    }

    /// <summary>
    /// The trail as the report reads it: newest first, missing names filled in, and why none could be
    /// read when it is malformed (the report warns instead of silently measuring from nowhere).
    /// </summary>
    public static (IReadOnlyList<FlipHistoryEntry> Entries, string? Problem) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], null);
        }

        List<FlipHistoryEntry?>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<FlipHistoryEntry?>>(text, Json);
        }
        catch (JsonException ex)
        {
            return ([], $"annotation {Annotation} is not a JSON array of flips: {ex.Message}");
        }

        var read = new List<FlipHistoryEntry>(entries?.Count ?? 0);
        foreach (var entry in entries ?? [])
        {
            if (entry is null || entry.At == default)
            {
                return ([], $"annotation {Annotation} has an entry without a valid 'at' time");
            }

            read.Add(entry with
            {
                Id = entry.Id ?? string.Empty,
                At = entry.At.ToUniversalTime(),
                User = entry.User ?? "unknown",
                From = entry.From ?? string.Empty,
                To = entry.To ?? string.Empty,
                Scope = entry.Scope ?? "site",
            });
        }

        read.Sort((a, b) => b.At.CompareTo(a.At));
        return (read, null);
    }

    public static string Prepend(IReadOnlyList<FlipHistoryEntry> history, IEnumerable<FlipHistoryEntry> entries) =>
        JsonSerializer.Serialize(entries.Concat(history).Take(Keep).ToList(), Json);
}
