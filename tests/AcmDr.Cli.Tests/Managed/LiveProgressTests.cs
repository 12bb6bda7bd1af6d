using AcmDr.Cli.Managed;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;
using Spectre.Console;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>The terminal progress display: one bar per tier, completed as VMs finish.</summary>
[TestClass]
public sealed class LiveProgressTests
{
    [TestMethod]
    public async Task Each_tier_gets_a_bar_that_completes_as_its_vms_finish()
    {
        using var text = new StringWriter();
        var console = RecordingConsole.Over(text);
        var db = new ScopedVm(new VmRef("finance", "db-0"), "db", 1);
        var web = new ScopedVm(new VmRef("web", "web-0"), "web", 2);

        await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(context =>
            {
                var progress = new LiveProgress(context);
                progress.TierStarted(1, 1);
                progress.Note(db, "migrating [to DR]");
                progress.Finished(new VmResult(db, RelocationOutcome.Moved, "migrated"));
                progress.TierStarted(2, 1);
                progress.Finished(new VmResult(web, RelocationOutcome.Failed, "stuck"));
                return Task.CompletedTask;
            });

        var output = text.ToString();
        output.Should().Contain("tier 1: finance/db-0: moved").And.Contain("tier 2: web/web-0: failed");
        output.Should().Contain("100%");
    }
}
