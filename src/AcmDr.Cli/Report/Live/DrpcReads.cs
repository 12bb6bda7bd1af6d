using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Dual;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// The DRPlacementControls <c>acmdr wait</c> reports dual-cluster apps by: listed with the policies when the scope has
/// dual apps, and again after each policy change (a DRPC that finishes turns its app's <c>-recovered</c> template
/// compliant, so its change comes with a policy event).
/// </summary>
internal sealed class DrpcReads(ReportScope scope, CliIo io)
{
    /// <summary>The DRPCs last read; null when the scope needs none.</summary>
    public IReadOnlyList<DrpcObservation>? Current { get; private set; }

    /// <summary>Lists them alongside <paramref name="policies"/> when the scope needs them; a failure fails the list as the policies' would.</summary>
    public async Task ListAsync(IHubCluster hub, IReadOnlyList<HubPolicy> policies, CancellationToken token) =>
        Current = scope.NeedsDrpcs(policies) ? await LiveHub.ListDrpcsAsync(hub, scope.Settings.Dual.Namespace, token) : null;

    /// <summary>Reads them again after a policy changed; a transient failure keeps the last ones read.</summary>
    public async Task RefreshAsync(IHubCluster hub, CancellationToken token)
    {
        if (Current is null)
        {
            return;
        }

        try
        {
            Current = await LiveHub.ListDrpcsAsync(hub, scope.Settings.Dual.Namespace, token);
        }
        catch (AcmDrException ex) when (ex.InnerException is { } cause && KubeErrors.IsTransient(cause) && !token.IsCancellationRequested)
        {
            io.Err.WriteLine($"acmdr: list of drplacementcontrols: {TransientRetry.Describe(cause)}; keeping the last one read");
        }
    }
}
