using AcmDr.Core;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// Writes the report to <c>--output-file</c> atomically: a temporary file beside the target, renamed
/// over it. Unlike the generated tree (<see cref="Output.AtomicFiles"/>), a report is one file whose
/// folder must already exist, so it creates no folder, and every failure, the rename included, is
/// one line (exit 2) with its temporary file removed and any earlier report left as it was.
/// </summary>
internal static class ReportFile
{
    public static void Write(string path, string shownAs, string text)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(path))
        {
            throw Fail(shownAs, "it is a folder; name a file");
        }

        if (!Directory.Exists(folder))
        {
            throw Fail(shownAs, File.Exists(folder) ? $"'{folder}' is a file, not a folder" : $"the folder '{folder}' does not exist");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.acmdr-{Environment.ProcessId}-{Random.Shared.Next():x8}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Output.AtomicFiles.Utf8NoBom.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            // The user named the report, not our temporary file.
            throw Fail(shownAs, ex is UnauthorizedAccessException
                ? $"no permission to write in '{folder}'"
                : ex.Message.Replace(temp, path, StringComparison.Ordinal));
        }
    }

    private static AcmDrException Fail(string shownAs, string reason) =>
        new(ExitCodes.InvalidInput, $"{shownAs}: cannot write the report: {reason}");

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the message names the write that failed, and the leftover is named as ours.
        }
    }
}
