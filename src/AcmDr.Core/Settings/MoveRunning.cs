namespace AcmDr.Core.Settings;

/// <summary>
/// What a flip does to running VMs. <see cref="Migrate"/>: each app's <c>-move</c> template live-migrates
/// the VMs it can (see <see cref="Manifests.MoveTemplates"/>); <see cref="None"/>: running VMs stay where
/// they run until <c>acmdr relocate</c> moves them (or they restart).
/// </summary>
public enum MoveRunning
{
    Migrate,
    None,
}

/// <summary>The spelling of <see cref="MoveRunning"/> in <c>acmdr.yaml</c>, on the command line and in the switch.</summary>
public static class MoveRunningText
{
    public const string Migrate = "migrate";
    public const string None = "none";

    public static string Of(MoveRunning value) => value == MoveRunning.None ? None : Migrate;

    /// <summary>The value a word names, or null for any other word (case matters, as in the switch).</summary>
    public static MoveRunning? Parse(string? text) => text switch
    {
        Migrate => MoveRunning.Migrate,
        None => MoveRunning.None,
        _ => null,
    };
}
