using System.Text;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// The ACM templates that resolve and check the site. Every value placed in them is a validated
/// DNS-1123 label, tier number or site name (see <see cref="Inventory.Names"/>), written as a Go
/// string literal, so inventory data cannot add template code.
/// </summary>
public static class SiteTemplates
{
    /// <summary>
    /// A hub template giving the app's site: app override, else tier override, else global. A result
    /// that is not an allowed site (empty, missing, misspelt) reads a ConfigMap that never exists; the
    /// propagator then fails the template and delivers nothing, so a wrong site never reaches a VM.
    /// Only functions older hubs have (fromConfigMap, default, has, list) are used.
    /// </summary>
    public static string HubSite(DrSettings settings, string app, int tier)
    {
        var sw = Go(PolicyNames.SwitchConfigMap);
        var allowed = string.Join(' ', settings.Sites.Select(Go));
        return "{{hub $s := fromConfigMap \"\" " + sw + " " + Go(PolicyNames.AppOverrideKey(app))
            + " | default (fromConfigMap \"\" " + sw + " " + Go(PolicyNames.TierOverrideKey(tier)) + ")"
            + " | default (fromConfigMap \"\" " + sw + " \"site\") hub}}"
            + "{{hub if has $s (list " + allowed + ") hub}}{{hub $s hub}}"
            + "{{hub else hub}}{{hub fromConfigMap \"\" " + Go(PolicyNames.FailClosedConfigMap) + " \"site\" hub}}{{hub end hub}}";
    }

    /// <summary>
    /// A hub template giving the switch's resourceVersion: new after every write of the switch, so a VM whose
    /// <c>-site</c> template stamped it has had its site set from the switch as it is now.
    /// </summary>
    public static string HubSwitchVersion() =>
        "{{hub (lookup \"v1\" \"ConfigMap\" \"\" " + Go(PolicyNames.SwitchConfigMap) + ").metadata.resourceVersion hub}}";

    /// <summary>
    /// The managed-cluster template of the <c>-running</c> check: for each VM, look up its instance
    /// and that instance's node, and expect <c>status.nodeName</c> to be that node only when the node's
    /// site label is the target site; otherwise expect a node name that cannot exist. The controller's
    /// message then names each VM that is not running at the site ("found but not as specified") or
    /// not running at all ("not found"). No line ends with a space, so the text stays a literal block
    /// when ACM converts the policy to YAML.
    /// </summary>
    /// <param name="scratch">A buffer the caller reuses across policies (the writer's per-core text buffer): a fresh
    /// builder for every policy was 22 of the 79 MB the write phase allocated at 10,000 VMs.</param>
    public static string RunningObjectTemplates(DrSettings settings, PolicyPlan policy, StringBuilder scratch)
    {
        var text = scratch.Clear();
        text.EnsureCapacity(1024 + (policy.Vms.Count * 1024));
        text.Append("{{- $site := \"").Append(HubSite(settings, policy.App, policy.Tier)).Append("\" }}\n");
        foreach (var vm in policy.Vms)
        {
            text.Append("{{- $vmi := lookup \"kubevirt.io/v1\" \"VirtualMachineInstance\" ").Append(Go(vm.Namespace)).Append(' ').Append(Go(vm.Name)).Append(" }}\n");
            text.Append("{{- $node := \"\" }}{{- $at := \"\" }}\n");
            text.Append("{{- if $vmi.status }}{{- if $vmi.status.nodeName }}{{- $node = $vmi.status.nodeName }}{{- end }}{{- end }}\n");
            text.Append("{{- if $node }}{{- $n := lookup \"v1\" \"Node\" \"\" $node }}{{- if $n.metadata }}{{- if $n.metadata.labels }}{{- $at = index $n.metadata.labels ")
                .Append(Go(settings.SiteLabel)).Append(" }}{{- end }}{{- end }}{{- end }}\n");
            text.Append("- complianceType: musthave\n");
            text.Append("  objectDefinition:\n");
            text.Append("    apiVersion: kubevirt.io/v1\n");
            text.Append("    kind: VirtualMachineInstance\n");
            text.Append("    metadata:\n");
            text.Append("      name: ").Append(Go(vm.Name)).Append('\n');
            text.Append("      namespace: ").Append(Go(vm.Namespace)).Append('\n');
            text.Append("    status:\n");
            text.Append("      phase: Running\n");
            text.Append("      nodeName: '{{ if eq $at $site }}{{ $node }}{{ else }}acmdr-expected-at-{{ $site }}{{ end }}'\n");
        }

        return text.ToString();
    }

    /// <summary>A Go (and YAML double-quoted) string literal of a value that has no quotes, backslashes or control characters.</summary>
    internal static string Go(string value)
    {
        // One loop over a short name, four times per VM: no delegate per character, no vector search to compile.
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '{' or '}' || char.IsControl(c))
            {
                throw new ArgumentException($"'{value}' cannot be placed in a template", nameof(value));
            }
        }

        return "\"" + value + "\"";
    }
}
