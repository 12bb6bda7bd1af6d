namespace AcmDr.Core.Managed;

/// <summary>What unblocks a VM stuck after a site loss, in words an admin can act on.</summary>
public static class StuckDiagnosis
{
    public const string OutOfServiceTaint = "node.kubernetes.io/out-of-service=nodeshutdown:NoExecute";

    /// <summary>KubeVirt recreates an instance elsewhere only for these run strategies.</summary>
    public static bool IsRecreated(string? runStrategy) => runStrategy is null or "Always" or "RerunOnFailure";

    public static string NodeNotReady(string node, string? runStrategy) =>
        $"stuck: its instance is on node {node}, which is not Ready; KubeVirt recreates it only once that node's pods are gone: "
        + $"fence the node, or if it is really down taint it (kubectl taint node {node} {OutOfServiceTaint})"
        + (IsRecreated(runStrategy)
            ? "; then it restarts where its nodeSelector says"
            : $"; its runStrategy is {runStrategy}, so it is not recreated by itself: start it afterwards (virtctl start)");

    public static string Unschedulable(string siteLabel, string site) =>
        $"stuck: ErrorUnschedulable, no node can take it: check that nodes labelled {siteLabel}={site} are Ready, untainted and have room; "
        + $"if its old node is down, fence it or taint it {OutOfServiceTaint}";
}
