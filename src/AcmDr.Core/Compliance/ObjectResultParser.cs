using System.Text.RegularExpressions;
using G = AcmDr.Core.Compliance.ObjectResultGrammar;

namespace AcmDr.Core.Compliance;

/// <summary>
/// Reads the object results out of the detail of a compliance message. Parts are joined
/// with "; "; the older wording also continues one list across parts, so the kind of the
/// last list is carried forward. Parts it does not recognise are skipped, never guessed.
/// </summary>
internal sealed class ObjectResultParser
{
    private enum OlderList { None, Listing, NotFound, MustNotHave }

    private readonly List<ObjectResult> results = [];

    // Older "missing as expected" lists name the outcome only after the last entry.
    private readonly List<ObjectResult> awaitingOutcome = [];
    private string? olderKind;
    private OlderList olderList;

    public static IReadOnlyList<ObjectResult> Parse(string detail)
    {
        var parser = new ObjectResultParser();
        foreach (var part in detail.Split("; ", StringSplitOptions.TrimEntries))
        {
            parser.Read(G.EventPrefix().Replace(part, string.Empty).Trim());
        }

        parser.EndOlderList();
        return parser.results.AsReadOnly();
    }

    private void Read(string part)
    {
        if (part.Length == 0)
        {
            return;
        }

        var read = TryCurrent(part)
            || TryNoInstances(part)
            || (olderKind is not null && TryOlderEntry(olderKind, part, part))
            || TryOlderStart(part);
        if (!read)
        {
            EndOlderList();
        }
    }

    private bool TryCurrent(string part)
    {
        var match = G.Current().Match(part);
        if (!match.Success)
        {
            return false;
        }

        EndOlderList();
        var outcome = G.CurrentOutcome(match.Groups["verb"].Value);
        foreach (var ns in Namespaces(match))
        {
            results.Add(new ObjectResult(match.Groups["kind"].Value, ns, NamesOf(match), outcome, part));
        }

        return true;
    }

    private bool TryNoInstances(string part)
    {
        var match = G.NoInstances().Match(part);
        if (!match.Success)
        {
            return false;
        }

        EndOlderList();
        foreach (var ns in Namespaces(match))
        {
            results.Add(new ObjectResult(match.Groups["kind"].Value, ns, [], ObjectOutcome.NotFound, part));
        }

        return true;
    }

    private bool TryOlderStart(string part)
    {
        (Regex pattern, OlderList list)[] starts =
        [
            (G.OlderNotFound(), OlderList.NotFound),
            (G.OlderFound(), OlderList.MustNotHave),
            (G.OlderStart(), OlderList.Listing),
        ];
        foreach (var (pattern, list) in starts)
        {
            var match = pattern.Match(part);
            if (!match.Success)
            {
                continue;
            }

            if (!G.OlderEntry().IsMatch(match.Groups["entry"].Value))
            {
                continue;
            }

            EndOlderList();
            olderList = list;
            if (TryOlderEntry(match.Groups["kind"].Value, match.Groups["entry"].Value, part))
            {
                olderKind = match.Groups["kind"].Value;
                return true;
            }

            olderList = OlderList.None;
        }

        return false;
    }

    private bool TryOlderEntry(string kind, string entry, string part)
    {
        var match = G.OlderEntry().Match(entry);
        if (!match.Success || (!match.Groups["names"].Success && !match.Groups["ns"].Success))
        {
            return false;
        }

        var ns = match.Groups["ns"].Success ? match.Groups["ns"].Value : null;
        var outcome = G.OlderOutcome(match.Groups["verb"].Value);
        if (outcome is null && olderList == OlderList.MustNotHave)
        {
            outcome = ObjectOutcome.FoundButShouldNotExist;
        }

        var result = new ObjectResult(kind, ns, NamesOf(match), outcome ?? ObjectOutcome.Unknown, part);
        if (outcome is null)
        {
            awaitingOutcome.Add(result);
            return true;
        }

        if (outcome == ObjectOutcome.MissingAsExpected)
        {
            results.AddRange(awaitingOutcome.Select(r => r with { Outcome = outcome.Value }));
            awaitingOutcome.Clear();
        }

        results.Add(result);
        return true;
    }

    private void EndOlderList()
    {
        results.AddRange(awaitingOutcome);
        awaitingOutcome.Clear();
        olderKind = null;
        olderList = OlderList.None;
    }

    private static IReadOnlyList<string> NamesOf(Match match) =>
        match.Groups["names"].Success ? G.SplitList(match.Groups["names"].Value) : [];

    private static IEnumerable<string?> Namespaces(Match match)
    {
        if (match.Groups["ns"].Success)
        {
            return [match.Groups["ns"].Value];
        }

        if (match.Groups["nss"].Success)
        {
            return G.SplitList(match.Groups["nss"].Value);
        }

        return [null];
    }
}
