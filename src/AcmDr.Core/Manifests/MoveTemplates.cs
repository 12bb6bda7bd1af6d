using System.Text;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// The <c>-move</c> template: the flip alone moves running VMs. On the managed cluster it names one
/// VirtualMachineInstanceMigration (enforce, musthave: created when missing, never deleted) for each VM
/// of the app that a live migration can take to the app's site, and nothing for any other VM:
/// <list type="bullet">
/// <item>its instance is Running on a Ready node whose site label names another site;</item>
/// <item>the instance is LiveMigratable;</item>
/// <item>the instance's own nodeSelector already names the target site (with the LiveUpdate rollout strategy
/// the VM's new selector reaches it; with Stage it does not, and a migration would land on the old site
/// again, so the VM waits for <c>acmdr relocate</c> to restart it);</item>
/// <item>no migration of that instance is in flight, whoever created it (the instance's migrationState, and
/// every migration of the namespace naming it that has not Succeeded or Failed);</item>
/// <item>its last migration did not fail (the policy never retries in a loop; <c>acmdr relocate</c> does).</item>
/// </list>
/// The name is new for every move and needs no state: "acmdr-", the VM's name (its first 39 characters, so
/// the name fits 63), then the first 8 characters of the instance's uid (new after a restart) and of its last migration's uid (new after each migration), so a
/// finished migration of an earlier move is never taken for this one. <c>addedNodeSelector</c> is not used:
/// the gate on the instance's selector already keeps the target at the site, on every KubeVirt version.
/// Nothing moves before every VM this policy depends on (<see cref="MoveGates"/>: the previous tier on the cluster,
/// and <c>depends_on</c>) has its nodeSelector from the switch as it is now (the switch's resourceVersion its
/// <c>-site</c> template stamped on it) and runs at that site, checked on the cluster: ACM's dependency gate uses
/// the last reported compliance, which for a moment after a flip is still the one from before it.
/// The site fails closed as in <see cref="SiteTemplates.HubSite"/>: no policy is delivered for a wrong
/// site. When the switch's <c>moveRunning</c> is anything but <c>migrate</c> (missing in a switch older than
/// this template, or <c>none</c>), the list is empty.
/// </summary>
public static class MoveTemplates
{
    /// <summary>Room in a 63-character migration name for the VM's name: "acmdr-" precedes it, and twice "-" and 8 characters follow.</summary>
    public const int VmNameRoom = 63 - 6 - 9 - 9;

    private const string Migrate = MoveRunningText.Migrate;

    /// <summary>A hub template printing <c>migrate</c> when the switch says so, else nothing: never a value of the switch itself, so an edit of it cannot add template code.</summary>
    public static string HubMoveRunning() =>
        "{{hub if eq (fromConfigMap \"\" " + SiteTemplates.Go(PolicyNames.SwitchConfigMap) + " " + SiteTemplates.Go(SwitchManifest.MoveRunningKey)
        + ") " + SiteTemplates.Go(Migrate) + " hub}}" + Migrate + "{{hub end hub}}";

    /// <summary>The <c>object-templates-raw</c> of the <c>-move</c> ConfigurationPolicy; <paramref name="scratch"/> as in <see cref="SiteTemplates.RunningObjectTemplates"/>.</summary>
    /// <remarks>One block per namespace, ranging over its VMs' names, so the text grows by a name per VM.</remarks>
    /// <param name="gates">What this policy waits for (<see cref="MoveGates"/>): nothing moves until each of those VMs has its site from the switch as it is now and runs there.</param>
    public static string MoveObjectTemplates(DrSettings settings, PolicyPlan policy, IReadOnlyList<MoveGate> gates, StringBuilder scratch)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(scratch);
        var text = scratch.Clear();
        var label = SiteTemplates.Go(settings.SiteLabel);
        text.Append("{{- $site := \"").Append(SiteTemplates.HubSite(settings, policy.App, policy.Tier)).Append("\" }}\n");
        text.Append("{{- $moving := \"\" }}\n");
        text.Append("{{- $before := true }}\n");
        if (gates.Count > 0)
        {
            text.Append("{{- $switch := \"").Append(SiteTemplates.HubSwitchVersion()).Append("\" }}\n");
        }

        foreach (var gate in gates)
        {
            // Every VM of the group: labelled by its -site template, which also stamped the switch version its
            // nodeSelector came from; that stamp must be this switch's, and the instance must run at that site.
            text.Append("{{- $group := lookup \"kubevirt.io/v1\" \"VirtualMachine\" \"\" \"\" ").Append(SiteTemplates.Go(gate.Selector)).Append(" }}\n");
            text.Append("{{- if ne (len $group.items) ").Append(gate.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" }}{{- $before = false }}{{- end }}\n");
            text.Append("{{- range $group.items }}{{- $arrived := false }}{{- $want := \"\" }}\n");
            text.Append("{{- if .spec.template }}{{- if .spec.template.spec }}{{- if .spec.template.spec.nodeSelector }}{{- $want = print (index .spec.template.spec.nodeSelector ").Append(label).Append(") }}{{- end }}{{- end }}{{- end }}\n");
            text.Append("{{- if .metadata.annotations }}{{- if eq (print (index .metadata.annotations ").Append(SiteTemplates.Go(PolicyNames.SwitchVersionAnnotation)).Append(")) $switch }}\n");
            text.Append("{{- $d := lookup \"kubevirt.io/v1\" \"VirtualMachineInstance\" .metadata.namespace .metadata.name }}\n");
            text.Append("{{- if $d.status }}{{- if $d.status.nodeName }}{{- if eq (print $d.status.phase) \"Running\" }}\n");
            text.Append("{{- $dn := lookup \"v1\" \"Node\" \"\" (print $d.status.nodeName) }}\n");
            text.Append("{{- if $dn.metadata }}{{- if $dn.metadata.labels }}{{- if eq (print (index $dn.metadata.labels ").Append(label).Append(")) $want }}{{- $arrived = true }}{{- end }}{{- end }}{{- end }}\n");
            text.Append("{{- end }}{{- end }}{{- end }}\n");
            text.Append("{{- end }}{{- end }}\n");
            text.Append("{{- if not $arrived }}{{- $before = false }}{{- end }}\n");
            text.Append("{{- end }}\n");
        }

        text.Append("{{- if and $before (eq \"").Append(HubMoveRunning()).Append("\" \"").Append(Migrate).Append("\") }}\n");
        foreach (var group in policy.Vms.GroupBy(v => v.Namespace, StringComparer.Ordinal))
        {
            var ns = SiteTemplates.Go(group.Key);
            text.Append("{{- $migrations := lookup \"kubevirt.io/v1\" \"VirtualMachineInstanceMigration\" ").Append(ns).Append(" \"\" }}\n");
            text.Append("{{- range $name := list");
            foreach (var vm in group)
            {
                text.Append(' ').Append(SiteTemplates.Go(vm.Name));
            }

            text.Append(" }}\n");
            text.Append("{{- $vmi := lookup \"kubevirt.io/v1\" \"VirtualMachineInstance\" ").Append(ns).Append(" $name }}\n");
            text.Append("{{- $go := false }}{{- $last := \"0\" }}\n");
            // Running, with a uid to name the move after, on a node.
            text.Append("{{- if $vmi.status }}{{- if $vmi.metadata.uid }}{{- if $vmi.status.nodeName }}{{- if eq (print $vmi.status.phase) \"Running\" }}\n");
            // The instance's own selector names the target, so the migration cannot land on the old site.
            text.Append("{{- if $vmi.spec }}{{- if $vmi.spec.nodeSelector }}{{- if eq (print (index $vmi.spec.nodeSelector ").Append(label).Append(")) $site }}\n");
            // On a Ready node of another site.
            text.Append("{{- $n := lookup \"v1\" \"Node\" \"\" (print $vmi.status.nodeName) }}{{- $at := \"\" }}{{- $ready := false }}\n");
            text.Append("{{- if $n.metadata }}{{- if $n.metadata.labels }}{{- $l := index $n.metadata.labels ").Append(label).Append(" }}{{- if $l }}{{- $at = print $l }}{{- end }}{{- end }}{{- end }}\n");
            text.Append("{{- if $n.status }}{{- range $n.status.conditions }}{{- if and (eq (print .type) \"Ready\") (eq (print .status) \"True\") }}{{- $ready = true }}{{- end }}{{- end }}{{- end }}\n");
            text.Append("{{- if and $ready $at (ne $at $site) }}\n");
            // Live-migratable.
            text.Append("{{- range $vmi.status.conditions }}{{- if and (eq (print .type) \"LiveMigratable\") (eq (print .status) \"True\") }}{{- $go = true }}{{- end }}{{- end }}\n");
            text.Append("{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}\n");
            // No migration in flight, and the last one did not fail.
            text.Append("{{- if $go }}{{- with $vmi.status.migrationState }}\n");
            text.Append("{{- if .migrationUid }}{{- $last = printf \"%.8s\" (print .migrationUid) }}{{- end }}\n");
            text.Append("{{- if not .completed }}{{- $go = false }}{{- end }}{{- if .failed }}{{- $go = false }}{{- end }}\n");
            text.Append("{{- end }}{{- end }}\n");
            text.Append("{{- if $go }}{{- range $migrations.items }}{{- if .spec }}{{- if eq (print .spec.vmiName) $name }}\n");
            text.Append("{{- $phase := \"\" }}{{- if .status }}{{- if .status.phase }}{{- $phase = print .status.phase }}{{- end }}{{- end }}\n");
            text.Append("{{- if not (eq $phase \"Succeeded\" \"Failed\") }}{{- $go = false }}{{- end }}\n");
            text.Append("{{- end }}{{- end }}{{- end }}{{- end }}\n");
            text.Append("{{- if $go }}{{- $moving = \"yes\" }}\n");
            text.Append("- complianceType: musthave\n");
            text.Append("  objectDefinition:\n");
            text.Append("    apiVersion: kubevirt.io/v1\n");
            text.Append("    kind: VirtualMachineInstanceMigration\n");
            text.Append("    metadata:\n");
            text.Append("      name: 'acmdr-{{ printf \"%.").Append(VmNameRoom).Append("s\" $name }}-{{ printf \"%.8s\" (print $vmi.metadata.uid) }}-{{ $last }}'\n");
            text.Append("      namespace: ").Append(ns).Append('\n');
            text.Append("      labels:\n");
            text.Append("        ").Append(PolicyNames.ManagedByLabel).Append(": ").Append(PolicyNames.ManagedByValue).Append('\n');
            text.Append("        ").Append(PolicyNames.AppLabel).Append(": ").Append(SiteTemplates.Go(policy.App)).Append('\n');
            text.Append("    spec:\n");
            text.Append("      vmiName: '{{ $name }}'\n");
            text.Append("{{- end }}\n");
            text.Append("{{- end }}\n");
        }

        text.Append("{{- end }}\n");
        text.Append("{{- if not $moving }}[]{{- end }}\n");
        return text.ToString();
    }
}
