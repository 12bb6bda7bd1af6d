using System.CommandLine;
using AcmDr.Cli.Options;
using AcmDr.Cli.Rehearsal;
using AcmDr.Core;
using AcmDr.Core.Flip;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr rehearse</c>: flip, wait, report; with --back also flip back exactly and wait again.</summary>
public static class RehearseCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ReportOptions(new SiteOption("Site to rehearse the move to", required: true));
        var output = new OutputOptions("Write the report of the rehearsal to this file (atomically)");
        var timeout = new DurationOption("--timeout", "Give up waiting on each leg after this long (e.g. 30m, 1h)", "30m");
        var reason = new Option<string>("--reason") { Description = "Why: recorded in the audit trail with the rehearsal's id", Required = true };
        var back = new Option<bool>("--back") { Description = "Then flip back, restoring the switch exactly as it was, and wait again" };
        var unplanned = new Option<bool>("--unplanned")
        {
            Description = "Refused: a rehearsal moves dual-cluster apps planned (Ramen Relocate, final sync); an unplanned failover is a real one (acmdr flip --unplanned)",
        };
        var yes = new Option<bool>("--yes", "-y") { Description = "Rehearse every app without asking (a rehearsal of everything on a terminal asks first)" };
        var command = new Command("rehearse",
            "Rehearse a move: flip the scope to --to (recorded in the audit trail), wait until it moved or --timeout, and report; with --back, flip back and wait again");
        options.AddTo(command);
        options.Files.Hidden = true;
        options.FlipAt.Hidden = true;
        foreach (var option in new Option[] { reason, back, unplanned, yes })
        {
            command.Options.Add(option);
        }

        output.AddTo(command);
        timeout.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if ((parse.GetValue(options.Files) ?? []).Length > 0 || parse.GetValue(options.FlipAt) is not null)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "rehearse flips and watches the live hub; it reads no dump files and takes no --flip-at");
            }

            if (parse.GetValue(unplanned))
            {
                // A failover assumes the source is down and may lose what was written since the last sync: not something to rehearse on production.
                throw new AcmDrException(ExitCodes.InvalidInput,
                    "rehearse takes no --unplanned: a rehearsal moves dual-cluster apps planned (Ramen Relocate, final sync); an unplanned failover may lose data and is a real one (acmdr flip --unplanned)");
            }

            var request = new FlipRequest(parse.GetValue(options.To), parse.GetValue(options.Apps) ?? [], parse.GetValue(options.Tiers) ?? [], false, parse.GetValue(reason));
            if (request.ReasonProblem() is { } problem)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, problem);
            }

            var run = new RehearsalRun(io, options, parse)
            {
                Limit = timeout.Read(parse),
                Back = parse.GetValue(back),
                Confirm = io.IsTerminal && io.ReadLine is { } readLine && !parse.GetValue(yes) ? FlipCommand.Ask(io, readLine) : null,
            };
            return await run.RunAsync(request, output.Read(parse), cancel);
        });
        return command;
    }
}
