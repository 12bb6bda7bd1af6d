using AcmDr.Cli.Tests.Report;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Rehearsal;

/// <summary>
/// ACM on the fake hub of <see cref="Inventories.Example"/> (tier 1 app db on finance/db-0, db-1; tier 2 app web on
/// web/web-0, depending on db), following the switch: before each request it reads the switch and, one step per
/// request, reports tier 1's policy at the site the switch resolves for it (app override, else tier override, else
/// site), then tier 2's once tier 1 is there, as the dependencies make ACM do. <see cref="Stalled"/> apps never move.
/// </summary>
public sealed class FollowingAcm
{
    private readonly FakeApiServer server;
    private readonly Propagation acm;
    private readonly Dictionary<string, string> reported = [];

    public FollowingAcm(FakeApiServer server, string dir)
    {
        this.server = server;
        acm = new Propagation(server);
        acm.LoadRoots(dir);
        server.Faults.Add(FaultRule.Before(null, "", _ => Step(), times: null));
        Settle();
    }

    /// <summary>Apps whose VMs do not arrive (their running template stays NonCompliant).</summary>
    public HashSet<string> Stalled { get; } = [];

    /// <summary>When false, nothing is reported (the hub's policies keep whatever status they have).</summary>
    public bool Following { get; set; } = true;

    private static readonly (string App, int Tier, string Ns, string Vms)[] Apps = [("db", 1, "finance", "db-0, db-1"), ("web", 2, "web", "web-0")];

    /// <summary>Reports until every app that can be is where the switch sends it (a hub at rest).</summary>
    public void Settle()
    {
        while (Step())
        {
        }
    }

    /// <summary>One app's move, if any is due; true when one was reported.</summary>
    private bool Step()
    {
        if (!Following)
        {
            return false;
        }

        var data = server.Store.Get(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites")?["data"]?.AsObject();
        if (data is null)
        {
            return false;
        }

        string SiteOf(string app, int tier) =>
            Value($"app-{app}") ?? Value($"tier-{tier}") ?? Value("site") ?? "";
        string? Value(string key) => data[key]?.GetValue<string>() is { Length: > 0 } v ? v : null;

        foreach (var (app, tier, ns, vms) in Apps)
        {
            var site = SiteOf(app, tier);
            if (reported.GetValueOrDefault(app) == site)
            {
                continue;
            }

            // The previous tier must run at its site first (tier 2 depends on tier 1), one move per request.
            var previous = Apps.Where(a => a.Tier < tier).ToList();
            if (previous.Any(p => reported.GetValueOrDefault(p.App) != SiteOf(p.App, p.Tier) || Stalled.Contains(p.App)))
            {
                return false;
            }

            var now = DateTimeOffset.UtcNow;
            var stalled = Stalled.Contains(app);
            acm.Report("dr-" + app, "stretch-1", stalled ? "NonCompliant" : "Compliant",
                [(now, Propagation.AtSite(vms, ns))],
                [(now, stalled ? Propagation.NotRunning(vms, ns) : Propagation.Running(vms, ns))]);
            reported[app] = site;
            return true;
        }

        return false;
    }
}
