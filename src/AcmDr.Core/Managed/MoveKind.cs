namespace AcmDr.Core.Managed;

/// <summary>What relocation does with one VM, given what the cluster says about it now.</summary>
public enum MoveKind
{
    /// <summary>Its instance already runs on a node of the target site.</summary>
    AtSite,

    /// <summary>No instance: it stays stopped.</summary>
    Stopped,

    /// <summary>The VM is not on the cluster.</summary>
    Missing,

    /// <summary>Its nodeSelector names another site: moving it would land it there again.</summary>
    SelectorElsewhere,

    /// <summary>It cannot move until someone acts (a dead node, nothing schedulable).</summary>
    Stuck,

    /// <summary>A migration or a start is already under way: wait for it.</summary>
    InFlight,

    Migrate,

    Restart,
}

/// <summary>The decision and the words that explain it to the user.</summary>
public sealed record MoveStep(MoveKind Kind, string Reason);
