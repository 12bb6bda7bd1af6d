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

    /// <summary>Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
