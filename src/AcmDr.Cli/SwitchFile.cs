using System.Text;
using AcmDr.Core;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli;

/// <summary>
/// Reads the committed switch file, so regenerating keeps its values and <c>flip --in-git</c> edits
/// them. Both go through <see cref="Load"/>: only a missing file means "home"; a file that is not
/// exactly a switch (see <see cref="SwitchFileReader"/>) is exit 2 and is left as it is.
/// </summary>
public static class SwitchFile
{
    /// <summary>A generated switch is well under 1 KB; anything near this is not one, and must not be read whole.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The switch state in <paramref name="path"/>, or home when the file does not exist. Overrides
    /// for tiers or apps that are no longer in the plan are dropped and reported through <paramref name="dropped"/>.
    /// </summary>
    public static SwitchState Read(string path, DrPlan plan, Action<string> dropped) => Apply(path, ReadData(path), plan, dropped);

    /// <summary>The switch file at <paramref name="path"/>, or null when there is none. Needs no plan, so it can be read while the plan is built.</summary>
    public static SwitchRecord? ReadData(string path) => Load(path, path);

    /// <summary>The switch file at <paramref name="path"/> (named <paramref name="shown"/> in errors), or null when there is none.</summary>
    public static SwitchRecord? Load(string path, string shown)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return null;
        }

        string text;
        try
        {
            text = ReadBounded(path, shown);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"{shown}: cannot read the switch file: {ex.Message}", ex);
        }

        return SwitchFileReader.Parse(shown, text);
    }

    /// <summary>The switch state of <paramref name="record"/> (from <see cref="ReadData"/>; null: home) for <paramref name="plan"/>, as <see cref="Read"/>.</summary>
    public static SwitchState Apply(string path, SwitchRecord? record, DrPlan plan, Action<string> dropped)
    {
        var settings = plan.Settings;
        if (record is null)
        {
            return SwitchState.Home(settings);
        }

        // The reader guarantees 'site' is there: a missing one is damage, not "home".
        var site = record.Data[SwitchManifest.SiteKey];
        CheckSite(path, settings, SwitchManifest.SiteKey, site);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in record.Data.Where(d => SwitchManifest.IsOverrideKey(d.Key)))
        {
            var tier = key.StartsWith("tier-", StringComparison.Ordinal);
            var known = tier
                ? plan.Tiers.Any(t => PolicyNames.TierOverrideKey(t) == key)
                : plan.Apps.Any(a => PolicyNames.AppOverrideKey(a.Name) == key);
            if (!known)
            {
                dropped($"{path}: dropping override '{key}: {value}': no such {(tier ? "tier" : "app")} in the inventory");
                continue;
            }

            CheckSite(path, settings, key, value);
            overrides[key] = value;
        }

        return new SwitchState(site, overrides);
    }

    /// <summary>Reads at most <see cref="MaxBytes"/>: a switch path pointing at a device or a huge file must not exhaust memory.</summary>
    private static string ReadBounded(string path, string shown)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        if (read > MaxBytes)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"{shown}: not a switch acmdr can read: larger than {MaxBytes / 1024 / 1024} MiB; left as it is (fix it, or restore it from Git)");
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static void CheckSite(string path, DrSettings settings, string key, string value)
    {
        if (!settings.IsSite(value))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                $"{path}: switch value '{key}: {value}' is not one of the sites {string.Join(", ", settings.Sites)}");
        }
    }
}
