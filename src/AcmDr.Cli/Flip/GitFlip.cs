using AcmDr.Cli.Input;
using AcmDr.Cli.Output;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Flip;

/// <summary>
/// The same change as a flip on the hub (see <see cref="FlipDecision"/>), made to the generated
/// switch file in the working tree. The file is rewritten exactly as <c>acmdr generate</c> writes it,
/// so the change is a one-line diff (a changed, added or removed data key) and <c>generate --check</c>
/// stays green.
/// </summary>
public static class GitFlip
{
    public static int Run(CliIo io, string dir, FlipRequest request, bool dryRun, Func<(IReadOnlyList<SwitchedApp>? Apps, string? Why)> apps)
    {
        var tree = new GeneratedTree(dir) { Show = io.Show, Note = note => io.Err.WriteLine($"acmdr: {note}") };
        var relative = $"{ManifestBuilder.BaseDir}/{PolicyNames.SwitchConfigMap}.yaml";
        var path = tree.Full(relative);
        if (!File.Exists(path))
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"{io.Show(path)} not found: run 'acmdr generate' there first (or pass --dir)");
        }

        // The one reader generate uses: a damaged file is refused here too, never reset by the rewrite.
        var record = SwitchFile.Load(path, io.Show(path))
            ?? throw new AcmDrException(ExitCodes.InvalidInput, $"{io.Show(path)} not found: run 'acmdr generate' there first (or pass --dir)");
        var before = File.ReadAllText(path);
        var flip = FlipDecision.Decide(record.Data, record.Settings.Sites, request);
        var (list, why) = apps();
        if (DualMoves.UnplannedProblem(request, list) is { } unplanned)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"{unplanned}; nothing was written");
        }

        io.Out.WriteLine($"switch {io.Show(path)}:");
        foreach (var line in flip.Impact(list, why, "acmdr flip --in-git"))
        {
            io.Out.WriteLine(line);
        }

        if (flip.NothingToChange)
        {
            io.Out.WriteLine(FlipDecision.NothingToChangeLine);
            return ExitCodes.Success;
        }

        var text = Yaml.ManifestYamlWriter.Write([SwitchManifest.Build(record.Settings, flip.StateAfter())], GeneratedTree.Header);
        foreach (var line in LineDiff.Changes(before, text) ?? [])
        {
            io.Out.WriteLine($"    {line}");
        }

        if (dryRun)
        {
            io.Out.WriteLine("dry run: nothing was written");
            return ExitCodes.Success;
        }

        tree.WriteFile(relative, text);
        io.Out.WriteLine($"changed {io.Show(path)}; review and commit it, for example:");
        io.Out.WriteLine($"  git commit -m 'acmdr flip: {flip.Summary}{(request.Reason is { Length: > 0 } r ? $" ({StatusText.Clean(r).Replace('\'', ' ')})" : string.Empty)}' {io.Show(path)}");
        return ExitCodes.Success;
    }
}
