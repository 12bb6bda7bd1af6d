namespace AcmDr.Core.Inventory;

/// <summary>
/// Every row of an app usually repeats the same depends_on text, so the list parsed for the previous
/// row is reused when the text is the same. Only a list parsed without errors is remembered, so every
/// row with a bad value still reports it on its own line. Lists are never changed after parsing.
/// </summary>
internal sealed class DependsOnCache
{
    private string? lastText;
    private IReadOnlyList<string> lastApps = [];

    public bool TryGet(string text, out IReadOnlyList<string> apps)
    {
        apps = lastApps;
        return lastText is not null && string.Equals(text, lastText, StringComparison.Ordinal);
    }

    public void Remember(string text, IReadOnlyList<string> apps, bool valid)
    {
        lastText = valid ? text : null;
        lastApps = apps;
    }
}
