namespace AcmDr.Core.Manifests;

/// <summary>
/// The operational values of the site switch: the global site, the tier/app overrides and how dual apps move
/// (<see cref="SwitchManifest.ModeKey"/>, planned unless a flip said otherwise). They are
/// not derived from the inventory, so regenerating keeps what the committed switch holds (a flip made
/// in Git survives <c>acmdr generate</c>).
/// </summary>
public sealed record SwitchState(string Site, IReadOnlyDictionary<string, string> Overrides, string Mode = SwitchManifest.PlannedMode)
{
    public static SwitchState Home(Settings.DrSettings settings) =>
        new(settings.HomeSite, new Dictionary<string, string>(StringComparer.Ordinal));
}
