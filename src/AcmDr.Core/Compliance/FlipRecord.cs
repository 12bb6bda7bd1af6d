namespace AcmDr.Core.Compliance;

/// <summary>One change of the site switch, as kept in the audit trail.</summary>
/// <param name="At">When the switch changed (UTC).</param>
/// <param name="User">Who changed it.</param>
/// <param name="From">The site before.</param>
/// <param name="To">The site after.</param>
/// <param name="Scope">What moved: <c>site</c>, <c>tier-&lt;n&gt;</c> or <c>app-&lt;name&gt;</c>.</param>
/// <param name="Reason">Why, as the user gave it.</param>
public sealed record FlipRecord(DateTimeOffset At, string User, string From, string To, string Scope, string? Reason);
