using AcmDr.Core.Compliance;
using AcmDr.Core.Manifests;

namespace AcmDr.Core.Flip;

/// <summary>Where the sites a target is checked against come from, as the refusal names them.</summary>
public enum SiteSource
{
    /// <summary>The switch's <c>sites</c> key, else the settings' sites: a flip, on the hub or in Git.</summary>
    Switch,

    /// <summary>The settings' sites: break glass and relocate, which act on a managed cluster directly.</summary>
    Settings,
}

/// <summary>
/// The flip, decided once for the hub and for Git: given the switch's data as read, the sites to fall
/// back on and the request, which sites are allowed, what changes, the state after, and what is
/// recorded and shown. The adapters only read, write and print. <see cref="GlobalTarget"/> is the
/// site a global flip asks for (null for a scoped one): what overrides keep elsewhere is said against it.
/// <see cref="Request"/> is the flip asked for (null for a rehearsal's way back): the dual apps it covers are shown.
/// </summary>
public sealed record FlipDecision(
    IReadOnlyList<string> Sites,
    IReadOnlyList<ScopeChange> Changes,
    IReadOnlyDictionary<string, string> Before,
    IReadOnlyDictionary<string, string> After,
    string? GlobalTarget = null,
    FlipRequest? Request = null)
{
    /// <summary>What is said when the switch already holds what was asked.</summary>
    public const string NothingToChangeLine = "nothing to change: the switch already says so";

    /// <summary>True when no key changes: nothing is written and nothing recorded.</summary>
    public bool NothingToChange => !Changes.Any(c => c.Changes);

    /// <summary>The changes that change a key, in the order of <see cref="Changes"/>.</summary>
    public IReadOnlyList<ScopeChange> Changed => Changes.Where(c => c.Changes).ToList();

    /// <summary>True when no site or override changes (the <c>mode</c> may): the flip sends no app anywhere new.</summary>
    public bool SendsNothing => !Changes.Any(c => c.Changes && c.Key != SwitchManifest.ModeKey);

    /// <summary>The changes in one line, as the audit trail records them: <c>site Primary -&gt; DR, tier-2 (not set) -&gt; DR</c>.</summary>
    public string Summary => string.Join(", ", Changed.Select(c => $"{c.Key} {From(c)} -> {To(c)}"));

    /// <summary>
    /// Decides the flip of <paramref name="data"/> (the switch as read) for <paramref name="request"/>:
    /// a target that is not one of the allowed sites is refused (exit 4) before anything is computed. The request's
    /// <c>mode</c> is always among the changes, after the site keys: written in the same write, so it never outlives this flip.
    /// </summary>
    public static FlipDecision Decide(IReadOnlyDictionary<string, string> data, IReadOnlyList<string> fallbackSites, FlipRequest request)
    {
        var before = new Dictionary<string, string>(data, StringComparer.Ordinal);
        var sites = AllowedSites(before, fallbackSites);
        if (request.To is { } to)
        {
            CheckTarget(to, sites, SiteSource.Switch);
        }

        IReadOnlyList<ScopeChange> changes = [.. SwitchEdit.Changes(before, request),
            new ScopeChange(SwitchManifest.ModeKey, before.GetValueOrDefault(SwitchManifest.ModeKey), request.Mode)];
        return new FlipDecision(sites, changes, before, SwitchEdit.Apply(before, changes), request.IsScoped ? null : request.To, request);
    }

    /// <summary>The switch's own <c>sites</c> (comma-separated) when it has a non-empty one, else <paramref name="fallbackSites"/>.</summary>
    public static IReadOnlyList<string> AllowedSites(IReadOnlyDictionary<string, string> data, IReadOnlyList<string> fallbackSites) =>
        data.TryGetValue(SwitchManifest.SitesKey, out var listed) && listed.Length > 0
            ? listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : fallbackSites;

    /// <summary><paramref name="site"/> when it is one of <paramref name="sites"/> (exactly, case included), else refused with exit 4.</summary>
    public static string CheckTarget(string site, IReadOnlyList<string> sites, SiteSource source) =>
        sites.Contains(site, StringComparer.Ordinal)
            ? site
            : throw new AcmDrException(ExitCodes.Refused,
                $"refused: site '{site}' is not one of the sites{(source == SiteSource.Switch ? " the switch allows" : string.Empty)}: {StatusText.Clean(string.Join(", ", sites))}");

    /// <summary>One audit entry per changed key, all with the flip's <paramref name="id"/> (how a lost answer is recognised).</summary>
    public IReadOnlyList<FlipHistoryEntry> Entries(string id, DateTimeOffset at, string user, string? reason) =>
        Changed.Select(c => new FlipHistoryEntry(id, at, user, From(c), To(c), c.Key, reason)).ToList();

    /// <summary>The switch state after the flip, for rewriting the switch file (which always holds a site).</summary>
    public SwitchState StateAfter() =>
        new(After[SwitchManifest.SiteKey], After.Where(d => SwitchManifest.IsOverrideKey(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
            After.GetValueOrDefault(SwitchManifest.ModeKey) ?? SwitchManifest.PlannedMode);

    /// <summary>
    /// The lines that show the flip: each key before and after, which of <paramref name="apps"/> move
    /// (null: unknown, because of <paramref name="appsUnknownReason"/>), and for a global flip what
    /// overrides keep elsewhere, with the hint that starts with <paramref name="command"/>.
    /// </summary>
    public IReadOnlyList<string> Impact(IReadOnlyList<SwitchedApp>? apps, string? appsUnknownReason, string command = "acmdr flip")
    {
        var lines = FlipImpact.Lines(Changes, Before, After, apps, appsUnknownReason, Request is { } request ? request.Covers : null);
        // The hint repeats --unplanned: without it, its flip would turn the failovers this one asks for into relocations.
        var hint = Request is { Unplanned: true } ? $"{command} --unplanned" : command;
        return GlobalTarget is { } target ? [.. lines, .. StaysBehind.Lines(After, target, apps, hint)] : lines;
    }

    private static string From(ScopeChange change) => change.Before ?? "(not set)";

    private static string To(ScopeChange change) => change.After ?? "(cleared)";
}
