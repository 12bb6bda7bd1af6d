using System.Diagnostics;

namespace AcmDr.Bench;

/// <summary>
/// The least any tool could take to put an output tree on this disk: the same files, same bytes,
/// with nothing else to do and no atomicity: each folder created once, then each file with one
/// open, one write and one close, on every core. Creating files costs the kernel far more on some
/// machines (and under another process's disk load) than generating their text, so the
/// fresh-directory figures are read against this, measured the same way: into an empty folder
/// after a sync, right after the generate runs it is compared with.
/// </summary>
internal static class FileWriteFloor
{
    public static Measurement Measure(string name, string tree, string scratch, int runs, Action<string> fresh)
    {
        var files = Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(tree, f), Bytes: File.ReadAllBytes(f)))
            .ToList();
        var folders = files.Select(f => Path.GetDirectoryName(f.Relative)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var timed = new List<ProcessRun>();
        for (var i = 0; i <= runs; i++)
        {
            fresh(scratch);
            var clock = Stopwatch.StartNew();
            foreach (var folder in folders)
            {
                Directory.CreateDirectory(Path.Combine(scratch, folder));
            }

            Parallel.ForEach(files, file =>
            {
                using var handle = File.OpenHandle(Path.Combine(scratch, file.Relative), FileMode.CreateNew, FileAccess.Write);
                RandomAccess.Write(handle, file.Bytes, 0);
            });
            clock.Stop();
            if (i > 0)
            {
                timed.Add(new ProcessRun(clock.Elapsed, 0, 0, string.Empty));
            }
        }

        // Left for the caller's clean-up: deleting it now would slow the next figures (see Program.Fresh).
        return new Measurement(name, timed);
    }
}
