using AcmDr.Core.Compliance;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Flip;

/// <summary>
/// What a flip does to running VMs, from the switch's <c>moveRunning</c> (the value the <c>-move</c> templates
/// read on the hub): said by flip before it writes, and checked by doctor.
/// </summary>
public static class RunningVms
{
    private static readonly string Regenerate = $"acmdr generate, then apply policies/base/{PolicyNames.SwitchConfigMap}.yaml to the hub (or acmdr relocate moves them)";

    /// <summary>The effect of <paramref name="moveRunning"/> (null: the key is missing); <c>Fix</c> is null when the value is one the templates honour.</summary>
    public static (string Text, string? Fix) Effect(string? moveRunning) => MoveRunningText.Parse(moveRunning) switch
    {
        MoveRunning.Migrate => (
            $"the policies live-migrate running VMs tier by tier ({SwitchManifest.MoveRunningKey}: {MoveRunningText.Migrate}); a VM that cannot live-migrate waits for acmdr relocate", null),
        MoveRunning.None => (
            $"running VMs stay where they run until acmdr relocate moves them ({SwitchManifest.MoveRunningKey}: {MoveRunningText.None})", null),
        _ when moveRunning is null => (
            $"running VMs stay where they run: the switch has no {SwitchManifest.MoveRunningKey} (it was written before acmdr moved VMs by policy)", Regenerate),
        _ => (
            $"running VMs stay where they run: {SwitchManifest.MoveRunningKey} '{StatusText.Clean(moveRunning)}' is not {MoveRunningText.Migrate} or {MoveRunningText.None}", Regenerate),
    };

    /// <summary>The effect as one line, its fix included.</summary>
    public static string Line(string? moveRunning)
    {
        var (text, fix) = Effect(moveRunning);
        return fix is null ? text : $"{text}; fix: {fix}";
    }
}
