namespace AcmDr.Core.Flip;

/// <summary>
/// The way forward when the hub does not answer a flip: the same move made without it, on each
/// managed cluster by break glass, or in Git (where the flip's GitOps pipeline takes it to the hub).
/// </summary>
public static class HubDownHint
{
    /// <summary>The sentence naming both commands with the flip's own site and scope (<paramref name="inventoryArgument"/>: the -i given, if any).</summary>
    public static string For(FlipRequest request, string? inventoryArgument)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ScopeWords.Of(inventoryArgument, request.Apps, request.Tiers);
        var git = string.Join(' ', ["acmdr", "flip", "--in-git", .. request.To is { } to ? (string[])["--to", to] : ["--clear"], .. request.All ? (string[])["--all"] : [], .. request.Unplanned ? (string[])["--unplanned"] : [], .. scope]);
        // Break glass sets a site; clearing overrides means following a global site only the hub knows.
        return request.To is { } site
            ? $"if the hub is down, move the VMs without it on each managed cluster: {string.Join(' ', ["acmdr", "breakglass", "--kubeconfig", "MANAGED_KUBECONFIG", "--to", site, .. scope])}, or flip in Git: {git}"
            : $"if the hub is down, flip in Git: {git}";
    }
}
