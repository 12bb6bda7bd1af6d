using AcmDr.Cli.Input;
using AcmDr.Core.Flip;

namespace AcmDr.Cli.Input;

/// <summary>
/// Reads the committed switch file, so regenerating keeps its values (see <see cref="SwitchRules"/>)
/// and <c>flip --in-git</c> edits them. Both go through <see cref="Load"/>: only a missing file means
/// "home"; a file that is not exactly a switch (see <see cref="SwitchFileReader"/>) is exit 2 and is
/// left as it is.
/// </summary>
public static class SwitchFile
{
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

        return SwitchFileReader.Parse(shown, InputFile.ReadText(path, shown, InputLimit.SwitchFile));
    }
}
