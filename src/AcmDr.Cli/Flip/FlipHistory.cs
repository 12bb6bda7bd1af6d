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

    public static string Prepend(IReadOnlyList<FlipHistoryEntry> history, IEnumerable<FlipHistoryEntry> entries) =>
        JsonSerializer.Serialize(entries.Concat(history).Take(Keep).ToList(), Json);
}
