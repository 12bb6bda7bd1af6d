using AcmDr.Cli.Tests.Report;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// The status half of ACM for the test's controller: after each step it writes each placed policy's
/// replicated policy on the hub (via <see cref="Propagation"/>), with a history entry for the -site and
/// -running templates whenever their message changes, worded as the config-policy controller words it.
/// </summary>
public sealed class PolicyStatusWriter(PolicyController controller, Propagation acm, string cluster, TimeProvider clock)
{
    private readonly TemplateHistories histories = new(controller);

    public void Write()
    {
        var now = clock.GetUtcNow();
        foreach (var (policy, compliance) in controller.Compliance)
        {
            var site = histories.Record(policy, $"{policy}-site", compliance, now);
            var running = histories.Record(policy, $"{policy}-running", compliance, now);
            acm.Report(policy, cluster, compliance, site, running);
        }
    }
}
