using AcmDr.Core;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>A dump file that cannot be read: names the file and the position (exit 2).</summary>
public sealed class DumpFileException : AcmDrException
{
    public DumpFileException(string file, long line, long column, string problem, Exception? inner = null)
        : base(ExitCodes.InvalidInput, $"{file}:{line}:{column}: {problem}", inner)
    {
    }

    public DumpFileException()
    {
    }

    public DumpFileException(string message)
        : base(message)
    {
    }

    public DumpFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
