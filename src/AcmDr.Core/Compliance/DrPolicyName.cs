namespace AcmDr.Core.Compliance;

/// <summary>The names acmdr gives its policies and their templates.</summary>
public static class DrPolicyName
{
    /// <summary><c>dr-&lt;app&gt;</c>, or <c>dr-&lt;app&gt;-&lt;cluster&gt;</c> when the app's VMs span clusters.</summary>
    public static string For(string app, string cluster, bool appSpansClusters) =>
        appSpansClusters ? $"dr-{app}-{cluster}" : $"dr-{app}";

    public static string SiteTemplate(string policy) => policy + "-site";

    public static string RunningTemplate(string policy) => policy + "-running";
}
