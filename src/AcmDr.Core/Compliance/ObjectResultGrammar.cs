using System.Text.RegularExpressions;

namespace AcmDr.Core.Compliance;

/// <summary>
/// The wordings of config-policy-controller object results, current and older (ACM 2.8 era).
/// </summary>
internal static partial class ObjectResultGrammar
{
    private const string Kind = @"(?<kind>[A-Za-z0-9][A-Za-z0-9.\-]*)";
    private const string Names = @"\[(?<names>[^\]]*)\]";

    // Current: "<kind> [a, b] <verb>[ in namespace ns| in namespaces: a, b]".
    [GeneratedRegex("^" + Kind + "(?: " + Names + @")? (?<verb>found as specified|found but not as specified|not found|was created successfully|was updated successfully|was deleted successfully|missing as expected|found)(?: in namespace (?<ns>\S+)| in namespaces: (?<nss>.+))?$", RegexOptions.CultureInvariant)]
    internal static partial Regex Current();

    // "No instances of `<kind>` found as specified[ in namespaces: a, b]".
    [GeneratedRegex(@"^No instances of `(?<kind>[^`]+)` found as specified(?: in namespaces: (?<nss>.+))?$", RegexOptions.CultureInvariant)]
    internal static partial Regex NoInstances();

    // Older: "<kind> not found: [x] in namespace y missing" (first entry of a list).
    [GeneratedRegex("^" + Kind + " not found: (?<entry>.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex OlderNotFound();

    // Older mustnothave violation: "<kind> found: [x] in namespace y".
    [GeneratedRegex("^" + Kind + " found: (?<entry>.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex OlderFound();

    // Older list start: "<kind> [x] in namespace y found", "roles in namespace a".
    [GeneratedRegex("^" + Kind + " (?<entry>.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex OlderStart();

    // One entry of an older list: "[x] in namespace y <verb>", "in namespace y", "[x]".
    [GeneratedRegex("^(?:" + Names + @")?(?: ?in namespace (?<ns>\S+))?(?: (?<verb>found as specified, therefore this Object template is compliant|missing as expected, therefore this Object template is compliant|found but not as specified|missing|found))?$", RegexOptions.CultureInvariant)]
    internal static partial Regex OlderEntry();

    [GeneratedRegex(@"^(?:(?:notification|violation|warning) - )+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex EventPrefix();

    [GeneratedRegex(@"still pending \((?<deps>[^)]*)\)", RegexOptions.CultureInvariant)]
    internal static partial Regex PendingDependencies();

    [GeneratedRegex(@"template[ -]error|failed to process the template|error processing (?:hub )?templates?|error resolving (?:hub )?templates?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex TemplateError();

    internal static IReadOnlyList<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static ObjectOutcome CurrentOutcome(string verb) => verb switch
    {
        "found as specified" => ObjectOutcome.FoundAsSpecified,
        "found but not as specified" => ObjectOutcome.FoundNotAsSpecified,
        "not found" => ObjectOutcome.NotFound,
        "was created successfully" => ObjectOutcome.Created,
        "was updated successfully" => ObjectOutcome.Updated,
        "was deleted successfully" => ObjectOutcome.Deleted,
        "missing as expected" => ObjectOutcome.MissingAsExpected,
        "found" => ObjectOutcome.FoundButShouldNotExist,
        _ => ObjectOutcome.Unknown,
    };

    internal static ObjectOutcome? OlderOutcome(string verb) => verb switch
    {
        "" => null,
        "found but not as specified" => ObjectOutcome.FoundNotAsSpecified,
        "missing" => ObjectOutcome.NotFound,
        "found" => ObjectOutcome.FoundAsSpecified,
        _ when verb.StartsWith("found as specified", StringComparison.Ordinal) => ObjectOutcome.FoundAsSpecified,
        _ when verb.StartsWith("missing as expected", StringComparison.Ordinal) => ObjectOutcome.MissingAsExpected,
        _ => ObjectOutcome.Unknown,
    };
}
