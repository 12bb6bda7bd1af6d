using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Flip;

/// <summary>
/// The switch's semantics, exactly as the hub template resolves them: an app's site is its
/// <c>app-&lt;name&gt;</c> value, else its <c>tier-&lt;n&gt;</c> value, else <c>site</c>; an empty value counts
/// as absent (ACM's <c>default</c> treats "" as empty).
/// </summary>
public static class SwitchEdit
{
    public static IReadOnlyList<ScopeChange> Changes(IReadOnlyDictionary<string, string> data, FlipRequest request)
    {
        if (request.AllProblem() is { } problem)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, problem);
        }

        if (!request.IsScoped)
        {
            if (request.Clear)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "--clear needs --app or --tier: it removes those overrides");
            }

            var site = new ScopeChange(SwitchManifest.SiteKey, Value(data, SwitchManifest.SiteKey), request.To);
            return request.All ? [site, .. ClearAll(data)] : [site];
        }

        var keys = request.Tiers.Distinct().Order().Select(PolicyNames.TierOverrideKey)
            .Concat(request.Apps.Distinct().Order(StringComparer.Ordinal).Select(PolicyNames.AppOverrideKey));
        return keys.Select(key => new ScopeChange(key, Value(data, key), request.Clear ? null : request.To)).ToList();
    }

    /// <summary>
    /// The removal of every override key <paramref name="data"/> holds, tiers (by number) before apps;
    /// an empty value is removed too (its raw value is the before), so no override key is left.
    /// </summary>
    public static IReadOnlyList<ScopeChange> ClearAll(IReadOnlyDictionary<string, string> data) =>
        data.Keys.Where(SwitchManifest.IsOverrideKey)
            .OrderBy(k => k.StartsWith("app-", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(k => k.StartsWith("tier-", StringComparison.Ordinal) ? k.Length : 0)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => new ScopeChange(k, data[k], null))
            .ToList();

    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> data, IEnumerable<ScopeChange> changes)
    {
        var result = new Dictionary<string, string>(data, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.After is null)
            {
                result.Remove(change.Key);
            }
            else
            {
                result[change.Key] = change.After;
            }
        }

        return result;
    }

    public static string? EffectiveSite(IReadOnlyDictionary<string, string> data, string app, int tier) =>
        Override(data, app, tier) ?? Value(data, SwitchManifest.SiteKey);

    /// <summary>The override that decides where <paramref name="app"/> runs: its app's value, else its tier's; null when neither is set.</summary>
    public static string? Override(IReadOnlyDictionary<string, string> data, string app, int tier) =>
        OverrideKey(data, app, tier) is { } key ? data[key] : null;

    /// <summary>The key of the override that decides where <paramref name="app"/> runs (see <see cref="Override"/>), or null.</summary>
    public static string? OverrideKey(IReadOnlyDictionary<string, string> data, string app, int tier) =>
        new[] { PolicyNames.AppOverrideKey(app), PolicyNames.TierOverrideKey(tier) }.FirstOrDefault(key => Value(data, key) is not null);

    /// <summary>The apps whose effective site differs between two states of the switch.</summary>
    public static IReadOnlyList<AppMove> Moves(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, IEnumerable<SwitchedApp> apps)
    {
        var moves = new List<AppMove>();
        foreach (var app in apps.OrderBy(a => a.Tier).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            var from = EffectiveSite(before, app.Name, app.Tier) ?? "(none)";
            var to = EffectiveSite(after, app.Name, app.Tier) ?? "(none)";
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                moves.Add(new AppMove(app.Name, app.Tier, app.VmCount, from, to));
            }
        }

        return moves;
    }

    private static string? Value(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
