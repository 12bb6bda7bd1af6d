using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcmDr.Core.Compliance;

namespace AcmDr.Core.Flip;

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
/// annotation of the switch so it changes in the same write as the site itself. A real API server
/// limits all annotations of an object together to 256 KB, so the trail is kept under
/// <see cref="MaxBytes"/> and text moved aside from a damaged trail under <see cref="MaxUnreadableBytes"/>.
/// </summary>
public static class FlipHistory
{
    public const string Annotation = "acmdr.io/flip-history";

    /// <summary>Where text of a damaged trail that could not be read is moved, verbatim, newest first.</summary>
    public const string UnreadableAnnotation = "acmdr.io/flip-history-unreadable";

    public const int Keep = 20;
    public const int MaxBytes = 32 * 1024;
    public const int MaxUnreadableBytes = 32 * 1024;

    // Quotes and non-ASCII stay as written (a reason "DC1 \"power\"" is not stored as \u0022): the trail is read by
    // people in 'kubectl get -o yaml' and in the dry run. JSON's own escapes (quote, backslash, control characters) remain.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The trail as the report reads it: the readable entries, newest first, and what was wrong with
    /// the rest (the report warns instead of silently measuring from nowhere, and never fails on it).
    /// </summary>
    public static (IReadOnlyList<FlipHistoryEntry> Entries, string? Problem) Read(string? text)
    {
        var trail = FlipTrail.Parse(text);
        var entries = trail.Entries.OrderByDescending(e => e.At).ToList();
        return (entries, trail.Problem is null ? null : $"annotation {Annotation} {StatusText.Clean(trail.Problem)}; {entries.Count} readable flip{(entries.Count == 1 ? string.Empty : "s")} used");
    }

    /// <summary>
    /// The annotations a flip writes, in this order: the new trail (see <see cref="Prepend"/>), and,
    /// when the trail was damaged, its unreadable text moved aside before what
    /// <paramref name="earlierUnreadable"/> (the current <see cref="UnreadableAnnotation"/>) holds.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Annotations(FlipTrail trail, IEnumerable<FlipHistoryEntry> entries, string? earlierUnreadable)
    {
        var annotations = new List<KeyValuePair<string, string>> { new(Annotation, Prepend(trail, entries)) };
        if (trail.Unreadable is { } unreadable)
        {
            annotations.Add(new(UnreadableAnnotation, MoveAside(unreadable, earlierUnreadable)));
        }

        return annotations;
    }

    /// <summary>
    /// The new trail: <paramref name="entries"/> before the kept ones, at most <see cref="Keep"/> and at
    /// most <see cref="MaxBytes"/>, dropping the oldest; the newest entry is always kept (its id is how
    /// a lost answer is recognised).
    /// </summary>
    public static string Prepend(FlipTrail trail, IEnumerable<FlipHistoryEntry> entries)
    {
        var items = entries.Select(e => JsonSerializer.Serialize(e, Json)).Concat(trail.Kept);
        var kept = new List<string>();
        var bytes = 2;
        foreach (var item in items.Take(Keep))
        {
            var size = Encoding.UTF8.GetByteCount(item) + (kept.Count > 0 ? 1 : 0);
            if (kept.Count > 0 && bytes + size > MaxBytes)
            {
                break;
            }

            kept.Add(item);
            bytes += size;
        }

        return $"[{string.Join(",", kept)}]";
    }

    /// <summary>
    /// The value of <see cref="UnreadableAnnotation"/> once <paramref name="unreadable"/> is moved aside
    /// before what an earlier flip moved there; cut to <see cref="MaxUnreadableBytes"/>, keeping the
    /// beginning (the newest) and saying how much was cut.
    /// </summary>
    public static string MoveAside(string unreadable, string? earlier)
    {
        var text = string.IsNullOrEmpty(earlier) ? unreadable : unreadable + "\n" + earlier;
        var total = Encoding.UTF8.GetByteCount(text);
        if (total <= MaxUnreadableBytes)
        {
            return text;
        }

        var budget = MaxUnreadableBytes - 64;
        var length = 0;
        var bytes = 0;
        while (length < text.Length)
        {
            var step = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, step));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += step;
        }

        return $"{text[..length]}\n[cut by acmdr: {total - bytes} more bytes]";
    }
}
