namespace AcmDr.Cli.Output;

/// <summary>
/// TEST ONLY: <c>ACMDR_TEST_PAUSE=stage:N</c> makes a write stop before staging its N-th file (until
/// interrupted), <c>ACMDR_TEST_PAUSE=commit:N</c> after the N-th rename or deletion of its commit
/// (for good: the test kills it). Each prints one <c>acmdr-test: paused ...</c> line on stderr first,
/// so the tests that kill a real generate (kill -9, SIGTERM) know the exact moment it is at without
/// polling the folder. Unset, as for every user, it does nothing.
/// </summary>
internal static class TestPause
{
    public const string Variable = "ACMDR_TEST_PAUSE";

    public static (Action<string>? BeforeStage, Action<int>? AfterStep) FromEnvironment(TextWriter err, CancellationToken cancel)
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (value is null || value.Split(':') is not [var phase, var number] || !int.TryParse(number, out var n))
        {
            return (null, null);
        }

        if (phase == "stage")
        {
            var count = 0;
            return (_ =>
            {
                if (Interlocked.Increment(ref count) == n)
                {
                    err.WriteLine($"acmdr-test: paused before staging file {n}");
                    err.Flush();
                    cancel.WaitHandle.WaitOne();
                    cancel.ThrowIfCancellationRequested();
                }
            }, null);
        }

        return phase == "commit"
            ? (null, done =>
            {
                if (done == n)
                {
                    err.WriteLine($"acmdr-test: paused after commit step {n}");
                    err.Flush();
                    Thread.Sleep(Timeout.Infinite);
                }
            })
            : (null, null);
    }
}
