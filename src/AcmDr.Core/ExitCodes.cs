namespace AcmDr.Core;

/// <summary>The process exit codes of every acmdr command, in one place (mirrored in README.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A check found a difference: drift in generated files, or not everything moved.</summary>
    public const int Difference = 1;

    /// <summary>Bad usage or invalid input (inventory, settings, dump files).</summary>
    public const int InvalidInput = 2;

    /// <summary>Cannot reach or authenticate to a cluster, or an object is missing there.</summary>
    public const int ClusterUnavailable = 3;

    /// <summary>Refused for safety: unknown site, concurrent change, GitOps-managed switch, and similar.</summary>
    public const int Refused = 4;

    /// <summary>
    /// <c>acmdr doctor</c> found a prerequisite of a flip missing. The state, not the input, is wrong,
    /// as with <see cref="Refused"/>, so it shares that code.
    /// </summary>
    public const int NotReady = Refused;

    /// <summary>Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
