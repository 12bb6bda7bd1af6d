namespace AcmDr.Core;

/// <summary>
/// An error the user can cause and fix. The CLI prints <see cref="Exception.Message"/> as one line
/// on stderr and exits with <see cref="ExitCode"/>; no stack trace.
/// </summary>
public class AcmDrException : Exception
{
    public AcmDrException(int exitCode, string message, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    public AcmDrException()
        : this(ExitCodes.InvalidInput, "acmdr error")
    {
    }

    public AcmDrException(string message)
        : this(ExitCodes.InvalidInput, message)
    {
    }

    public AcmDrException(string message, Exception innerException)
        : this(ExitCodes.InvalidInput, message, innerException)
    {
    }

    public int ExitCode { get; }
}
