using System.Globalization;
using System.Text.Json;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report;

/// <summary>
/// The flip audit trail kept on the switch ConfigMap: a JSON array, newest first, of
/// <c>{"at","user","from","to","scope","reason"}</c> objects.
/// </summary>
internal static class FlipHistory
{
    public const string Annotation = "acmdr.io/flip-history";

    /// <summary>The records, newest first; a malformed trail gives none and says why.</summary>
    public static (IReadOnlyList<FlipRecord> Records, string? Problem) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ([], null);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ([], $"annotation {Annotation} is not a JSON array");
            }

            var records = new List<FlipRecord>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object
                    || !DateTimeOffset.TryParse(Text(entry, "at"), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                {
                    return ([], $"annotation {Annotation} has an entry without a valid 'at' time");
                }

                records.Add(new FlipRecord(at, Text(entry, "user") ?? "unknown", Text(entry, "from") ?? string.Empty,
                    Text(entry, "to") ?? string.Empty, Text(entry, "scope") ?? "global", Text(entry, "reason")));
            }

            return (records.OrderByDescending(r => r.At).ToList(), null);
        }
        catch (JsonException ex)
        {
            return ([], $"annotation {Annotation} is not valid JSON: {ex.Message}");
        }
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
