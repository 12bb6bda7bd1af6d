namespace AcmDr.Core.Managed;

/// <summary>
/// Whether the cluster a context points at is the inventory cluster the command acts on: when more than
/// half of the scope's VMs (and at least one) are not there, the context or <c>--cluster</c> is almost
/// surely wrong, and writing to the VMs that happen to share a name there would change the wrong VMs.
/// Fewer missing VMs are reported one by one as before.
/// </summary>
public static class ScopePresence
{
    /// <summary>More than half of <paramref name="total"/>, and at least one.</summary>
    public static bool MostMissing(int missing, int total) => missing >= 1 && missing * 2 > total;

    /// <summary>
    /// Throws the one-line refusal (exit 2) when most of the scope is missing on the cluster of
    /// <paramref name="context"/>; otherwise does nothing.
    /// </summary>
    public static void Check(int missing, int total, WrongClusterTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (MostMissing(missing, total))
        {
            throw new AcmDrException(ExitCodes.InvalidInput, Refusal(missing, total, target));
        }
    }

    public static string Refusal(int missing, int total, WrongClusterTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var taken = target.Named is null ? $"cluster '{target.Cluster}'" : $"--cluster {target.Cluster}";
        var fix = target.InventoryClusters.Contains(target.Context, StringComparer.Ordinal) && target.Context != target.Cluster
            ? $"pass --cluster {target.Context} to act on this context's cluster, or the --context of cluster {target.Cluster}"
            : $"pass the --context of cluster {target.Cluster}, or the --cluster this context belongs to";
        return $"context '{target.Context}' ({target.Server}) does not hold {missing} of the {total} VMs of {taken} in scope: wrong cluster? {fix}; nothing was written";
    }
}

/// <summary>What a command on a managed cluster was pointed at, as the wrong-cluster refusal names it.</summary>
/// <param name="Named">The <c>--cluster</c> given, or null.</param>
public sealed record WrongClusterTarget(string Context, string Server, string Cluster, string? Named, IReadOnlyList<string> InventoryClusters);
