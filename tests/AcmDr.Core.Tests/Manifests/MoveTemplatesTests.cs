using System.Text;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>
/// The text of the -move template, exactly: its behaviour on a cluster is tested by executing it with Go's
/// text/template (AcmDr.Cli.Tests, Relocation/MoveTemplateTests); this pins every rule of it, so a changed
/// rule shows here as a diff to review.
/// </summary>
[TestClass]
public sealed class MoveTemplatesTests
{
    private const string HubSite =
        "{{hub $s := fromConfigMap \"\" \"acmdr-sites\" \"app-web\" | default (fromConfigMap \"\" \"acmdr-sites\" \"tier-2\") | default (fromConfigMap \"\" \"acmdr-sites\" \"site\") hub}}"
        + "{{hub if has $s (list \"Primary\" \"DR\") hub}}{{hub $s hub}}{{hub else hub}}{{hub fromConfigMap \"\" \"acmdr-sites-invalid-site\" \"site\" hub}}{{hub end hub}}";

    private const string HubMoveRunning = "{{hub if eq (fromConfigMap \"\" \"acmdr-sites\" \"moveRunning\") \"migrate\" hub}}migrate{{hub end hub}}";

    private const string NamespaceBlock = """
{{- $migrations := lookup "kubevirt.io/v1" "VirtualMachineInstanceMigration" "NS" "" }}
{{- range $name := list NAMES }}
{{- $vmi := lookup "kubevirt.io/v1" "VirtualMachineInstance" "NS" $name }}
{{- $go := false }}{{- $last := "0" }}
{{- if $vmi.status }}{{- if $vmi.metadata.uid }}{{- if $vmi.status.nodeName }}{{- if eq (print $vmi.status.phase) "Running" }}
{{- if $vmi.spec }}{{- if $vmi.spec.nodeSelector }}{{- if eq (print (index $vmi.spec.nodeSelector "topology.kubernetes.io/site")) $site }}
{{- $n := lookup "v1" "Node" "" (print $vmi.status.nodeName) }}{{- $at := "" }}{{- $ready := false }}
{{- if $n.metadata }}{{- if $n.metadata.labels }}{{- $l := index $n.metadata.labels "topology.kubernetes.io/site" }}{{- if $l }}{{- $at = print $l }}{{- end }}{{- end }}{{- end }}
{{- if $n.status }}{{- range $n.status.conditions }}{{- if and (eq (print .type) "Ready") (eq (print .status) "True") }}{{- $ready = true }}{{- end }}{{- end }}{{- end }}
{{- if and $ready $at (ne $at $site) }}
{{- range $vmi.status.conditions }}{{- if and (eq (print .type) "LiveMigratable") (eq (print .status) "True") }}{{- $go = true }}{{- end }}{{- end }}
{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}{{- end }}
{{- if $go }}{{- with $vmi.status.migrationState }}
{{- if .migrationUid }}{{- $last = printf "%.8s" (print .migrationUid) }}{{- end }}
{{- if not .completed }}{{- $go = false }}{{- end }}{{- if .failed }}{{- $go = false }}{{- end }}
{{- end }}{{- end }}
{{- if $go }}{{- range $migrations.items }}{{- if .spec }}{{- if eq (print .spec.vmiName) $name }}
{{- $phase := "" }}{{- if .status }}{{- if .status.phase }}{{- $phase = print .status.phase }}{{- end }}{{- end }}
{{- if not (eq $phase "Succeeded" "Failed") }}{{- $go = false }}{{- end }}
{{- end }}{{- end }}{{- end }}{{- end }}
{{- if $go }}{{- $moving = "yes" }}
- complianceType: musthave
  objectDefinition:
    apiVersion: kubevirt.io/v1
    kind: VirtualMachineInstanceMigration
    metadata:
      name: 'acmdr-{{ printf "%.39s" $name }}-{{ printf "%.8s" (print $vmi.metadata.uid) }}-{{ $last }}'
      namespace: "NS"
      labels:
        app.kubernetes.io/managed-by: acmdr
        acmdr.io/app: "APP"
    spec:
      vmiName: '{{ $name }}'
{{- end }}
{{- end }}
""";

    private static readonly PolicyPlan Web = new("dr-web", "web", 2, "c1", 30,
        [new VmRef("shop", "web-0"), new VmRef("ops", "web-1"), new VmRef("shop", "web-2")], []);

    private static string Block(string ns, params string[] names) =>
        NamespaceBlock.Replace("\"NS\"", $"\"{ns}\"", StringComparison.Ordinal)
            .Replace("list NAMES", "list " + string.Join(' ', names.Select(n => $"\"{n}\"")), StringComparison.Ordinal)
            .Replace("\"APP\"", "\"web\"", StringComparison.Ordinal) + "\n";

    [TestMethod]
    public void The_move_template_ranges_over_each_namespace_s_VMs_and_names_a_migration_only_for_those_a_live_migration_takes_to_the_site() =>
        MoveTemplates.MoveObjectTemplates(DrSettings.Default, Web, [], new StringBuilder("left over")).Should().Be(
            $"{{{{- $site := \"{HubSite}\" }}}}\n"
            + "{{- $moving := \"\" }}\n"
            + "{{- $before := true }}\n"
            + $"{{{{- if and $before (eq \"{HubMoveRunning}\" \"migrate\") }}}}\n"
            + Block("shop", "web-0", "web-2")
            + Block("ops", "web-1")
            + "{{- end }}\n"
            + "{{- if not $moving }}[]{{- end }}\n");

    [TestMethod]
    public void Nothing_moves_before_every_VM_of_each_group_waited_for_has_its_site_from_this_switch_and_runs_there()
    {
        var text = MoveTemplates.MoveObjectTemplates(DrSettings.Default, Web, [new MoveGate("acmdr.io/tier", "1", 3), new MoveGate("acmdr.io/app", "db2", 2)], new StringBuilder());

        text.Should().StartWith(
            $"{{{{- $site := \"{HubSite}\" }}}}\n"
            + "{{- $moving := \"\" }}\n"
            + "{{- $before := true }}\n"
            + "{{- $switch := \"{{hub (lookup \"v1\" \"ConfigMap\" \"\" \"acmdr-sites\").metadata.resourceVersion hub}}\" }}\n"
            + Gate("acmdr.io/tier=1", 3)
            + Gate("acmdr.io/app=db2", 2)
            + $"{{{{- if and $before (eq \"{HubMoveRunning}\" \"migrate\") }}}}\n");
    }

    private static string Gate(string selector, int count) =>
        $"{{{{- $group := lookup \"kubevirt.io/v1\" \"VirtualMachine\" \"\" \"\" \"{selector}\" }}}}\n"
        + $"{{{{- if ne (len $group.items) {count} }}}}{{{{- $before = false }}}}{{{{- end }}}}\n"
        + "{{- range $group.items }}{{- $arrived := false }}{{- $want := \"\" }}\n"
        + "{{- if .spec.template }}{{- if .spec.template.spec }}{{- if .spec.template.spec.nodeSelector }}{{- $want = print (index .spec.template.spec.nodeSelector \"topology.kubernetes.io/site\") }}{{- end }}{{- end }}{{- end }}\n"
        + "{{- if .metadata.annotations }}{{- if eq (print (index .metadata.annotations \"acmdr.io/switch-version\")) $switch }}\n"
        + "{{- $d := lookup \"kubevirt.io/v1\" \"VirtualMachineInstance\" .metadata.namespace .metadata.name }}\n"
        + "{{- if $d.status }}{{- if $d.status.nodeName }}{{- if eq (print $d.status.phase) \"Running\" }}\n"
        + "{{- $dn := lookup \"v1\" \"Node\" \"\" (print $d.status.nodeName) }}\n"
        + "{{- if $dn.metadata }}{{- if $dn.metadata.labels }}{{- if eq (print (index $dn.metadata.labels \"topology.kubernetes.io/site\")) $want }}{{- $arrived = true }}{{- end }}{{- end }}{{- end }}\n"
        + "{{- end }}{{- end }}{{- end }}\n"
        + "{{- end }}{{- end }}\n"
        + "{{- if not $arrived }}{{- $before = false }}{{- end }}\n"
        + "{{- end }}\n";

    [TestMethod]
    public void The_hub_prints_migrate_only_when_the_switch_says_so_never_the_switch_value_itself() =>
        MoveTemplates.HubMoveRunning().Should().Be(HubMoveRunning);

    [TestMethod]
    public void The_site_label_of_the_settings_is_the_one_checked_on_instance_and_node()
    {
        var text = MoveTemplates.MoveObjectTemplates(DrSettings.Default with { SiteLabel = "example.com/zone" }, Web, [new MoveGate("acmdr.io/tier", "1", 1)], new StringBuilder());

        text.Should().Contain("index $vmi.spec.nodeSelector \"example.com/zone\"").And.Contain("index $n.metadata.labels \"example.com/zone\"")
            .And.Contain("index $dn.metadata.labels \"example.com/zone\"")
            .And.NotContain("topology.kubernetes.io/site");
    }

    [TestMethod]
    public void A_migration_name_keeps_room_for_acmdr_and_two_parts_of_eight_in_63_characters() =>
        ("acmdr-".Length + MoveTemplates.VmNameRoom + "-12345678-12345678".Length).Should().Be(63);
}
