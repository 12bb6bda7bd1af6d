namespace AcmDr.Cli.Output;

/// <summary>A loop over indexes on one worker per core, each with its own text buffer.</summary>
internal static class EveryCore
{
    /// <summary>
    /// Runs <paramref name="work"/> for every index below <paramref name="count"/>, on one worker per
    /// core (this thread is one), each with its own text buffer. After a failure, or once
    /// <paramref name="cancel"/> is set (Ctrl-C, SIGTERM), no worker takes new work; the user-facing
    /// error is rethrown if there is one, else the first. A loop of its own, not Parallel.For: that is
    /// compiled for each use at start-up, where this one is precompiled.
    /// </summary>
    public static void Run(int count, Action<int, System.Text.StringBuilder> work, CancellationToken cancel)
    {
        var next = -1;
        var failures = new List<Exception>();

        void Worker()
        {
            // Large enough for a policy of a hundred VMs: grown block by block otherwise, per worker.
            var text = new System.Text.StringBuilder(1 << 18);
            try
            {
                for (var index = Interlocked.Increment(ref next); index < count; index = Interlocked.Increment(ref next))
                {
                    cancel.ThrowIfCancellationRequested();
                    work(index, text);
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }

                // The others stop at their next index.
                Interlocked.Exchange(ref next, count);
            }
        }

        var helpers = new Task[Math.Max(0, Math.Min(Environment.ProcessorCount, count) - 1)];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Worker();
        // Not cancelled: the workers stop by themselves, and their staged files are removed only once all have.
        Task.WaitAll(helpers, CancellationToken.None);
        if (failures.Count > 0)
        {
            var first = failures.OfType<Core.AcmDrException>().FirstOrDefault() ?? failures.OfType<OperationCanceledException>().FirstOrDefault() ?? failures[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
