using System.Diagnostics;

namespace AcmDr.Bench;

/// <summary>
/// The least any tool could take to put an output tree on this disk: the same files, same bytes,
/// written in-process with nothing else to do. Creating files costs the kernel far more on some
/// machines than generating their text, so the fresh-directory figures are read against this.
/// </summary>
internal static class FileWriteFloor
{
    public static Measurement Measure(string name, string tree, string scratch, int runs)
    {
        var files = Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(tree, f), Bytes: File.ReadAllBytes(f)))
            .ToList();
        var timed = new List<ProcessRun>();
        for (var i = 0; i <= runs; i++)
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }

            var clock = Stopwatch.StartNew();
            foreach (var (relative, bytes) in files)
            {
                var path = Path.Combine(scratch, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }

            if (i > 0)
            {
                timed.Add(new ProcessRun(clock.Elapsed, 0, 0, string.Empty));
            }
        }

        return new Measurement(name, timed);
    }
}
