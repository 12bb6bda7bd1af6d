namespace AcmDr.Core.Manifests;

/// <summary>
/// The operational values of the site switch: the global site and the tier/app overrides. They are
/// not derived from the inventory, so regenerating keeps what the committed switch holds (a flip made
/// in Git survives <c>acmdr generate</c>).
/// </summary>
public sealed record SwitchState(string Site, IReadOnlyDictionary<string, string> Overrides)
{
    public static SwitchState Home(Settings.DrSettings settings) =>
        new(settings.HomeSite, new Dictionary<string, string>(StringComparer.Ordinal));
}
