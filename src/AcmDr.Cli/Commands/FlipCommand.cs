using System.CommandLine;
using AcmDr.Cli.Flip;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Options;
using AcmDr.Core;
using AcmDr.Core.Flip;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr flip</c>: change the site switch on the hub, or in the generated files with --in-git.</summary>
public static class FlipCommand
{
    public static Command Create(CliIo io)
    {
        var hubOptions = new HubOptions(string.Empty, "the switch");
        var options = new InventoryOptions(hubOptions.Namespace);
        var to = new SiteOption("Site to run at (one of the switch's sites)", required: false);
        var scope = new ScopeOptions(": sets the app-<name> override", ": sets the tier-<n> override");
        var clear = new Option<bool>("--clear") { Description = "Remove the --app/--tier overrides so they follow the global site again" };
        var all = new Option<bool>("--all") { Description = "With --to: also remove every tier-/app- override, in the same write (a complete failback)" };
        var reason = new Option<string?>("--reason") { Description = "Why: recorded in the audit trail" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show exactly what would be written; write nothing" };
        var force = new Option<bool>("--force") { Description = "Flip even when a GitOps controller manages the switch" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Flip every app without asking (a global flip on a terminal asks first; never asked when not a terminal)" };
        var unplanned = new Option<bool>("--unplanned")
        {
            Description = "For dual-cluster apps: have Ramen fail over (the source cluster is down; data written since the last sync may be lost) instead of a planned relocation",
        };
        var inGit = new Option<bool>("--in-git") { Description = "Change the generated switch file in the working tree instead of the hub" };
        var dir = new Option<string>("--dir") { Description = "With --in-git: the directory holding policies/", DefaultValueFactory = _ => "." };

        var command = new Command("flip", "Flip the site switch: everything, some tiers, or some apps");
        options.AddTo(command);
        to.AddTo(command);
        scope.AddTo(command);
        foreach (var option in new Option[] { clear, all, unplanned, reason, dryRun, force, yes })
        {
            command.Options.Add(option);
        }

        hubOptions.AddTo(command);
        command.Options.Add(inGit);
        command.Options.Add(dir);

        command.SetAction(async (parse, cancel) =>
        {
            var filter = scope.Read(parse);
            var hubTarget = hubOptions.Read(parse);
            var request = new FlipRequest(to.Read(parse), filter.Apps, filter.Tiers, parse.GetValue(clear), parse.GetValue(reason), parse.GetValue(all), parse.GetValue(unplanned));
            CheckRequest(request);
            var (settings, plan) = LoadOptionalPlan(io, options, parse);
            CheckScope(request, plan);
            (IReadOnlyList<SwitchedApp>?, string?) FromPlan() => (HubApps.FromPlan(plan!), null);

            if (parse.GetValue(inGit))
            {
                return GitFlip.Run(io, io.Resolve(parse.GetValue(dir)!), request, parse.GetValue(dryRun),
                    plan is null ? () => (null, "no inventory given") : FromPlan);
            }

            var hub = new KubeHubCluster(hubTarget.Connect(io.Environment), HubFlip.Retry(io, hubTarget.Limit));
            var hubNamespace = hubTarget.Namespace ?? settings.HubNamespace;
            var flip = new HubFlip(hub, hubNamespace, io)
            {
                Confirm = io.IsTerminal && io.ReadLine is { } readLine && !parse.GetValue(yes) ? Ask(io, readLine) : null,
                InventoryArgument = parse.GetResult(options.Inventory) is { Implicit: false } ? parse.GetValue(options.Inventory) : null,
            };
            return await flip.RunAsync(request, settings.Sites, parse.GetValue(dryRun), parse.GetValue(force),
                plan is null ? token => HubApps.ListAsync(hub, hubNamespace, token) : _ => Task.FromResult(FromPlan()), cancel);
        });
        return command;
    }

    private static void CheckRequest(FlipRequest request)
    {
        if (request.AllProblem() is { } all)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, all);
        }

        if (request.To is null && !request.Clear)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, "flip needs --to SITE (or --clear with --app/--tier)");
        }

        if (request.To is not null && request.Clear)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, "--clear removes overrides and takes no --to");
        }

        if (request.ReasonProblem() is { } reason)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, reason);
        }

        foreach (var app in request.Apps.Where(a => !Names.IsDns1123Label(a)))
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"--app '{app}' is not an app name (a DNS-1123 label)");
        }

        foreach (var tier in request.Tiers.Where(t => t is < 1 or > 99))
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"--tier {tier} is not a tier (1 to 99)");
        }
    }

    /// <summary>The settings, and the plan when an inventory is given or the default one exists.</summary>
    private static (DrSettings Settings, DrPlan? Plan) LoadOptionalPlan(CliIo io, InventoryOptions options, ParseResult parse)
    {
        var explicitInventory = parse.GetResult(options.Inventory) is { Implicit: false };
        if (!explicitInventory && !File.Exists(options.InventoryPath(parse, io)))
        {
            return (options.LoadSettings(parse, io), null);
        }

        var plan = options.LoadPlan(parse, io);
        return (plan.Settings, plan);
    }

    private static void CheckScope(FlipRequest request, DrPlan? plan)
    {
        if (plan is null)
        {
            return;
        }

        foreach (var app in request.Apps.Where(a => plan.FindApp(a) is null))
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"--app '{app}' is not an app of the inventory");
        }

        foreach (var tier in request.Tiers.Where(t => !plan.Tiers.Contains(t)))
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"--tier {tier} is not a tier of the inventory (tiers: {string.Join(", ", plan.Tiers)})");
        }

        if (DualMoves.UnplannedProblem(request, HubApps.FromPlan(plan)) is { } unplanned)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, unplanned);
        }
    }

    /// <summary>The question on the terminal, answered with y or yes (any case); anything else, or no answer, is no.</summary>
    internal static Func<string, bool> Ask(CliIo io, Func<string?> readLine) => question =>
    {
        io.Out.Write(question);
        io.Out.Flush();
        return readLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    };
}
