using System.Globalization;
using System.Text;
using AcmDr.Core.Dual;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// The two templates of a dual-cluster app's policy, run by the configuration-policy controller of the hub's own
/// managed cluster (<see cref="DualSettings.HubCluster"/>), so their <c>lookup</c> reads the hub:
/// <list type="bullet">
/// <item><c>-drpc</c> (enforce, musthave) keeps the app's DRPlacementControl as the switch says. T, the cluster of the
/// app's site (home at the home site, the peer at any other), goes in <c>acmdr.io/target-cluster</c>, and the switch's
/// resourceVersion in <c>acmdr.io/switch-version</c>. A DRPC that does not exist is created with <c>preferredCluster</c> T
/// and no action (Ramen's initial deployment). One whose spec already names T (the action's cluster) or that is finished
/// at T keeps its action and clusters: a mode change alone never starts another action. Any other gets
/// <c>action: Relocate</c> and <c>preferredCluster</c> T when the switch's mode is planned, <c>action: Failover</c> and
/// <c>failoverCluster</c> T when it is unplanned.</item>
/// <item><c>-recovered</c> (inform) is Compliant only when the DRPC is finished at T (<see cref="AppendFinished"/>) and
/// carries this switch's stamp and T: its message names the DRPC.</item>
/// </list>
/// Site, mode and stamp are resolved on the hub and fail closed: an unknown site (<see cref="SiteTemplates.HubSite"/>), a
/// mode that is missing or neither planned nor unplanned (<see cref="HubMode"/>), or no switch fails the hub template, and
/// the propagator delivers nothing. ACM judges dependencies on their last reported compliance, stale right after a flip,
/// so a later tier's <c>-drpc</c> also checks on the hub that every DRPC it waits for (<see cref="MoveGates"/>) is
/// finished at its own target with this switch's stamp; until then it names no object. Every value placed in the text is
/// a validated name written as a Go string literal; no line ends with a space (ACM keeps the text a YAML literal block).
/// </summary>
public static class DualTemplates
{
    public const string DrpcApiVersion = "ramendr.openshift.io/v1alpha1";
    public const string DrpcKind = "DRPlacementControl";

    /// <summary>A ConfigMap that must never exist: reading it makes the hub's mode resolution fail closed.</summary>
    public const string FailClosedModeConfigMap = "acmdr-sites-invalid-mode";

    /// <summary>A hub template printing <c>planned</c> or <c>unplanned</c> as the switch says, failing on anything else (never the switch's own text).</summary>
    public static string HubMode()
    {
        var sw = SiteTemplates.Go(PolicyNames.SwitchConfigMap);
        return "{{hub $m := fromConfigMap \"\" " + sw + " " + SiteTemplates.Go(SwitchManifest.ModeKey) + " hub}}"
            + "{{hub if eq $m " + SiteTemplates.Go(SwitchManifest.PlannedMode) + " hub}}" + SwitchManifest.PlannedMode
            + "{{hub else if eq $m " + SiteTemplates.Go(SwitchManifest.UnplannedMode) + " hub}}" + SwitchManifest.UnplannedMode
            + "{{hub else hub}}{{hub fromConfigMap \"\" " + SiteTemplates.Go(FailClosedModeConfigMap) + " " + SiteTemplates.Go(SwitchManifest.ModeKey) + " hub}}{{hub end hub}}";
    }

    /// <summary>The <c>object-templates-raw</c> of the <c>-drpc</c> ConfigurationPolicy.</summary>
    public static string DrpcObjectTemplates(DrSettings settings, PolicyPlan policy, IReadOnlyList<MoveGate> gates, StringBuilder scratch)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var dual = DualOf(policy);
        var text = Head(settings, policy, scratch.Clear());
        text.Append("{{- $mode := \"").Append(HubMode()).Append("\" }}\n");
        text.Append("{{- $open := true }}\n");
        foreach (var gate in gates)
        {
            // Each DRPC waited for: labelled by its own -drpc template, at its own target, stamped by this switch.
            text.Append("{{- $group := lookup ").Append(Go(DrpcApiVersion)).Append(' ').Append(Go(DrpcKind)).Append(' ').Append(Go(dual.Namespace))
                .Append(" \"\" ").Append(Go(gate.Selector)).Append(" }}\n");
            text.Append("{{- if ne (len $group.items) ").Append(gate.Count.ToString(CultureInfo.InvariantCulture)).Append(" }}{{- $open = false }}{{- end }}\n");
            text.Append("{{- range $group.items }}{{- $g := . }}\n");
            AppendStamped(text, "$g", "$gt", "$gs");
            AppendFinished(text, "$g", "$gt", "$gf");
            text.Append("{{- if or (not $gf) (ne $gs $switch) }}{{- $open = false }}{{- end }}\n");
            text.Append("{{- end }}\n");
        }

        AppendLookup(text, dual);
        AppendFinished(text, "$drpc", "$target", "$finished");
        // The cluster the DRPC's spec sends the app to: failoverCluster under Failover, else preferredCluster.
        text.Append("{{- $aims := \"\" }}\n");
        text.Append("{{- if $drpc.spec }}{{- if eq (print $drpc.spec.action) ").Append(Go(DrpcStates.FailoverAction)).Append(" }}{{- $aims = print $drpc.spec.failoverCluster }}")
            .Append("{{- else }}{{- $aims = print $drpc.spec.preferredCluster }}{{- end }}{{- end }}\n");
        text.Append("{{- if $open }}\n");
        AppendMustHave(text, dual);
        text.Append("      labels:\n");
        text.Append("        ").Append(Go(PolicyNames.ManagedByLabel)).Append(": ").Append(Go(PolicyNames.ManagedByValue)).Append('\n');
        text.Append("        ").Append(Go(PolicyNames.AppLabel)).Append(": ").Append(Go(policy.App)).Append('\n');
        text.Append("        ").Append(Go(PolicyNames.TierLabel)).Append(": ").Append(Go(policy.Tier.ToString(CultureInfo.InvariantCulture))).Append('\n');
        text.Append("      annotations:\n");
        text.Append("        ").Append(Go(PolicyNames.SwitchVersionAnnotation)).Append(": '{{ $switch }}'\n");
        text.Append("        ").Append(Go(PolicyNames.TargetClusterAnnotation)).Append(": '{{ $target }}'\n");
        text.Append("    spec:\n");
        text.Append("      drPolicyRef:\n");
        text.Append("        name: ").Append(Go(dual.DrPolicy)).Append('\n');
        text.Append("      placementRef:\n");
        text.Append("        kind: Placement\n");
        text.Append("        name: ").Append(Go(dual.Name)).Append('\n');
        text.Append("        namespace: ").Append(Go(dual.Namespace)).Append('\n');
        text.Append("      pvcSelector:\n");
        text.Append("        matchLabels:\n");
        foreach (var (key, value) in dual.PvcMatchLabels)
        {
            text.Append("          ").Append(Go(key)).Append(": ").Append(Go(value)).Append('\n');
        }

        text.Append("{{- if not $drpc.metadata }}\n");
        text.Append("      preferredCluster: '{{ $target }}'\n");
        text.Append("{{- else if not (or $finished (eq $aims $target)) }}\n");
        text.Append("{{- if eq $mode ").Append(Go(SwitchManifest.PlannedMode)).Append(" }}\n");
        text.Append("      action: Relocate\n");
        text.Append("      preferredCluster: '{{ $target }}'\n");
        text.Append("{{- else }}\n");
        text.Append("      action: Failover\n");
        text.Append("      failoverCluster: '{{ $target }}'\n");
        text.Append("{{- end }}\n");
        text.Append("{{- end }}\n");
        text.Append("{{- end }}\n");
        text.Append("{{- if not $open }}[]{{- end }}\n");
        return text.ToString();
    }

    /// <summary>The <c>object-templates-raw</c> of the <c>-recovered</c> ConfigurationPolicy.</summary>
    public static string RecoveredObjectTemplates(DrSettings settings, PolicyPlan policy, StringBuilder scratch)
    {
        var dual = DualOf(policy);
        var text = Head(settings, policy, scratch.Clear());
        AppendLookup(text, dual);
        AppendStamped(text, "$drpc", "$at", "$stamp");
        AppendFinished(text, "$drpc", "$target", "$finished");
        text.Append("{{- if or (ne $at $target) (ne $stamp $switch) }}{{- $finished = false }}{{- end }}\n");
        // Compared as the controller compares any field: "found but not as specified" names the DRPC that has not
        // finished at the target, "not found" the one that does not exist.
        AppendMustHave(text, dual);
        text.Append("    status:\n");
        text.Append("      progression: '{{ if $finished }}{{ print $drpc.status.progression }}{{ else }}acmdr-expected-finished-at-{{ $target }}-for-switch-{{ $switch }}{{ end }}'\n");
        return text.ToString();
    }

    /// <summary>
    /// Sets <paramref name="result"/> to whether the DRPC in <paramref name="drpc"/> is finished at the cluster in
    /// <paramref name="target"/>. The cluster it runs the app at is <c>spec.failoverCluster</c> in phase FailedOver and
    /// <c>spec.preferredCluster</c> in one of <see cref="DrpcStates.PreferredClusterPhases"/> (Ramen writes
    /// <c>status.preferredDecision</c> once, never after an action); it must be the target, <c>status.progression</c> one
    /// of <see cref="DrpcStates.FinishedProgressions"/>, and condition Available True with its <c>observedGeneration</c> equal to
    /// <c>metadata.generation</c> when both are there: Ramen stamps every condition with the generation on each status
    /// write, so an older one means this status predates the current spec (<c>status.observedGeneration</c> moves only on
    /// a phase change). The variable <paramref name="result"/><c>At</c> holds that cluster ("" in no finished phase).
    /// The report reads DRPCs by the same definition (<see cref="DrpcObservation.IsFinishedAt"/>).
    /// </summary>
    internal static void AppendFinished(StringBuilder text, string drpc, string target, string result)
    {
        var d = drpc;
        var at = result + "At";
        text.Append("{{- ").Append(at).Append(" := \"\" }}\n");
        text.Append("{{- if ").Append(d).Append(".spec }}{{- if ").Append(d).Append(".status }}{{- if eq (print ").Append(d).Append(".status.phase) ")
            .Append(Go(DrpcStates.FailedOverPhase)).Append(" }}{{- ").Append(at).Append(" = print ").Append(d).Append(".spec.failoverCluster }}");
        text.Append("{{- else if eq (print ").Append(d).Append(".status.phase)");
        foreach (var phase in DrpcStates.PreferredClusterPhases)
        {
            text.Append(' ').Append(Go(phase));
        }

        text.Append(" }}{{- ").Append(at).Append(" = print ").Append(d).Append(".spec.preferredCluster }}{{- end }}{{- end }}{{- end }}\n");
        text.Append("{{- ").Append(result).Append(" := false }}\n");
        text.Append("{{- if ").Append(at).Append(" }}{{- if eq ").Append(at).Append(' ').Append(target).Append(" }}{{- if eq (print ").Append(d).Append(".status.progression)");
        foreach (var progression in DrpcStates.FinishedProgressions)
        {
            text.Append(' ').Append(Go(progression));
        }

        text.Append(" }}\n");
        text.Append("{{- range ").Append(d).Append(".status.conditions }}{{- if and (eq (print .type) \"Available\") (eq (print .status) \"True\") }}{{- ")
            .Append(result).Append(" = true }}\n");
        text.Append("{{- if .observedGeneration }}{{- if ").Append(d).Append(".metadata.generation }}{{- if ne (print .observedGeneration) (print ")
            .Append(d).Append(".metadata.generation) }}{{- ").Append(result).Append(" = false }}{{- end }}{{- end }}{{- end }}\n");
        text.Append("{{- end }}{{- end }}\n");
        text.Append("{{- end }}{{- end }}{{- end }}\n");
    }

    /// <summary>Sets <c>$drpc</c> to the app's DRPlacementControl as the hub has it (empty when it does not exist).</summary>
    private static void AppendLookup(StringBuilder text, DualPlan dual) =>
        text.Append("{{- $drpc := lookup ").Append(Go(DrpcApiVersion)).Append(' ').Append(Go(DrpcKind)).Append(' ')
            .Append(Go(dual.Namespace)).Append(' ').Append(Go(dual.Name)).Append(" }}\n");

    /// <summary>The start of a musthave of the app's DRPlacementControl, up to its metadata's name and namespace.</summary>
    private static void AppendMustHave(StringBuilder text, DualPlan dual) =>
        text.Append("- complianceType: musthave\n")
            .Append("  objectDefinition:\n")
            .Append("    apiVersion: ").Append(DrpcApiVersion).Append('\n')
            .Append("    kind: ").Append(DrpcKind).Append('\n')
            .Append("    metadata:\n")
            .Append("      name: ").Append(Go(dual.Name)).Append('\n')
            .Append("      namespace: ").Append(Go(dual.Namespace)).Append('\n');

    /// <summary>Sets <paramref name="target"/> and <paramref name="stamp"/> to the DRPC's target-cluster and switch-version annotations ("" when missing).</summary>
    private static void AppendStamped(StringBuilder text, string drpc, string target, string stamp)
    {
        text.Append("{{- ").Append(target).Append(" := \"\" }}{{- ").Append(stamp).Append(" := \"\" }}\n");
        text.Append("{{- if ").Append(drpc).Append(".metadata }}{{- with ").Append(drpc).Append(".metadata.annotations }}\n");
        text.Append("{{- with index . ").Append(Go(PolicyNames.TargetClusterAnnotation)).Append(" }}{{- ").Append(target).Append(" = print . }}{{- end }}\n");
        text.Append("{{- with index . ").Append(Go(PolicyNames.SwitchVersionAnnotation)).Append(" }}{{- ").Append(stamp).Append(" = print . }}{{- end }}\n");
        text.Append("{{- end }}{{- end }}\n");
    }

    /// <summary>The site (fails closed on the hub), the switch's stamp, and T: the cluster of that site.</summary>
    private static StringBuilder Head(DrSettings settings, PolicyPlan policy, StringBuilder text)
    {
        var dual = DualOf(policy);
        text.Append("{{- $site := \"").Append(SiteTemplates.HubSite(settings, policy.App, policy.Tier)).Append("\" }}\n");
        text.Append("{{- $switch := \"").Append(SiteTemplates.HubSwitchVersion()).Append("\" }}\n");
        text.Append("{{- $target := ").Append(Go(dual.Peer)).Append(" }}{{- if eq $site ").Append(Go(settings.HomeSite)).Append(" }}{{- $target = ")
            .Append(Go(dual.Home)).Append(" }}{{- end }}\n");
        return text;
    }

    private static DualPlan DualOf(PolicyPlan policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Dual ?? throw new ArgumentException($"policy {policy.Name} is not a dual-cluster app's", nameof(policy));
    }

    private static string Go(string value) => SiteTemplates.Go(value);
}
