using System.Text;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>The exact text of a dual app's hub-local templates (their behaviour is tested with Go's engine in AcmDr.Cli.Tests).</summary>
[TestClass]
public sealed class DualTemplatesTests
{
    private static string Head(string site) =>
        $"{{{{- $site := \"{site}\" }}}}\n"
        + "{{- $switch := \"{{hub (lookup \"v1\" \"ConfigMap\" \"\" \"acmdr-sites\").metadata.resourceVersion hub}}\" }}\n"
        + "{{- $target := \"west\" }}{{- if eq $site \"Primary\" }}{{- $target = \"east\" }}{{- end }}\n";

    private static string Finished(string d, string target, string result) =>
        $"{{{{- {result}At := \"\" }}}}\n"
        + $"{{{{- if {d}.spec }}}}{{{{- if {d}.status }}}}{{{{- if eq (print {d}.status.phase) \"FailedOver\" }}}}{{{{- {result}At = print {d}.spec.failoverCluster }}}}"
        + $"{{{{- else if eq (print {d}.status.phase) \"Deployed\" \"Relocated\" }}}}{{{{- {result}At = print {d}.spec.preferredCluster }}}}{{{{- end }}}}{{{{- end }}}}{{{{- end }}}}\n"
        + $"{{{{- {result} := false }}}}\n"
        + $"{{{{- if {result}At }}}}{{{{- if eq {result}At {target} }}}}{{{{- if eq (print {d}.status.progression) \"Completed\" \"Cleaning Up\" \"WaitOnUserToCleanUp\" }}}}\n"
        + $"{{{{- range {d}.status.conditions }}}}{{{{- if and (eq (print .type) \"Available\") (eq (print .status) \"True\") }}}}{{{{- {result} = true }}}}\n"
        + $"{{{{- if .observedGeneration }}}}{{{{- if {d}.metadata.generation }}}}{{{{- if ne (print .observedGeneration) (print {d}.metadata.generation) }}}}{{{{- {result} = false }}}}{{{{- end }}}}{{{{- end }}}}{{{{- end }}}}\n"
        + "{{- end }}{{- end }}\n"
        + "{{- end }}{{- end }}{{- end }}\n";

    private static string Stamped(string d, string target, string stamp) =>
        $"{{{{- {target} := \"\" }}}}{{{{- {stamp} := \"\" }}}}\n"
        + $"{{{{- if {d}.metadata }}}}{{{{- with {d}.metadata.annotations }}}}\n"
        + $"{{{{- with index . \"acmdr.io/target-cluster\" }}}}{{{{- {target} = print . }}}}{{{{- end }}}}\n"
        + $"{{{{- with index . \"acmdr.io/switch-version\" }}}}{{{{- {stamp} = print . }}}}{{{{- end }}}}\n"
        + "{{- end }}{{- end }}\n";

    private const string Lookup = "{{- $drpc := lookup \"ramendr.openshift.io/v1alpha1\" \"DRPlacementControl\" \"openshift-gitops\" \"dr-erp\" }}\n";

    [TestMethod]
    public void The_hub_mode_is_planned_or_unplanned_as_the_switch_says_and_fails_closed_on_anything_else() =>
        DualTemplates.HubMode().Should().Be(
            "{{hub $m := fromConfigMap \"\" \"acmdr-sites\" \"mode\" hub}}{{hub if eq $m \"planned\" hub}}planned"
            + "{{hub else if eq $m \"unplanned\" hub}}unplanned{{hub else hub}}{{hub fromConfigMap \"\" \"acmdr-sites-invalid-mode\" \"mode\" hub}}{{hub end hub}}");

    [TestMethod]
    public void The_drpc_template_waits_for_each_gate_then_keeps_the_drpc_with_the_action_the_switch_mode_names()
    {
        var plan = DualPlans.Plan();
        var erp = DualPlans.Policy(plan, "dr-erp");
        var site = SiteTemplates.HubSite(plan.Settings, "erp", 2);
        DualTemplates.DrpcObjectTemplates(plan.Settings, erp, [new MoveGate(PolicyNames.TierLabel, "1", 2)], new StringBuilder("left over")).Should().Be(
            Head(site)
            + $"{{{{- $mode := \"{DualTemplates.HubMode()}\" }}}}\n"
            + "{{- $open := true }}\n"
            + "{{- $group := lookup \"ramendr.openshift.io/v1alpha1\" \"DRPlacementControl\" \"openshift-gitops\" \"\" \"acmdr.io/tier=1\" }}\n"
            + "{{- if ne (len $group.items) 2 }}{{- $open = false }}{{- end }}\n"
            + "{{- range $group.items }}{{- $g := . }}\n"
            + Stamped("$g", "$gt", "$gs")
            + Finished("$g", "$gt", "$gf")
            + "{{- if or (not $gf) (ne $gs $switch) }}{{- $open = false }}{{- end }}\n"
            + "{{- end }}\n"
            + Lookup
            + Finished("$drpc", "$target", "$finished")
            + "{{- $aims := \"\" }}\n"
            + "{{- if $drpc.spec }}{{- if eq (print $drpc.spec.action) \"Failover\" }}{{- $aims = print $drpc.spec.failoverCluster }}{{- else }}{{- $aims = print $drpc.spec.preferredCluster }}{{- end }}{{- end }}\n"
            + "{{- if $open }}\n"
            + "- complianceType: musthave\n"
            + "  objectDefinition:\n"
            + "    apiVersion: ramendr.openshift.io/v1alpha1\n"
            + "    kind: DRPlacementControl\n"
            + "    metadata:\n"
            + "      name: \"dr-erp\"\n"
            + "      namespace: \"openshift-gitops\"\n"
            + "      labels:\n"
            + "        \"app.kubernetes.io/managed-by\": \"acmdr\"\n"
            + "        \"acmdr.io/app\": \"erp\"\n"
            + "        \"acmdr.io/tier\": \"2\"\n"
            + "      annotations:\n"
            + "        \"acmdr.io/switch-version\": '{{ $switch }}'\n"
            + "        \"acmdr.io/target-cluster\": '{{ $target }}'\n"
            + "    spec:\n"
            + "      drPolicyRef:\n"
            + "        name: \"east-west-5m\"\n"
            + "      placementRef:\n"
            + "        kind: Placement\n"
            + "        name: \"dr-erp\"\n"
            + "        namespace: \"openshift-gitops\"\n"
            + "      pvcSelector:\n"
            + "        matchLabels:\n"
            + "          \"appname\": \"erp-db\"\n"
            + "          \"tier\": \"data\"\n"
            + "{{- if not $drpc.metadata }}\n"
            + "      preferredCluster: '{{ $target }}'\n"
            + "{{- else if not (or $finished (eq $aims $target)) }}\n"
            + "{{- if eq $mode \"planned\" }}\n"
            + "      action: Relocate\n"
            + "      preferredCluster: '{{ $target }}'\n"
            + "{{- else }}\n"
            + "      action: Failover\n"
            + "      failoverCluster: '{{ $target }}'\n"
            + "{{- end }}\n"
            + "{{- end }}\n"
            + "{{- end }}\n"
            + "{{- if not $open }}[]{{- end }}\n");
    }

    [TestMethod]
    public void The_recovered_check_expects_the_drpc_finished_at_the_target_for_this_switch_or_a_progression_that_cannot_exist()
    {
        var plan = DualPlans.Plan();
        var erp = DualPlans.Policy(plan, "dr-erp");
        DualTemplates.RecoveredObjectTemplates(plan.Settings, erp, new StringBuilder()).Should().Be(
            Head(SiteTemplates.HubSite(plan.Settings, "erp", 2))
            + Lookup
            + Stamped("$drpc", "$at", "$stamp")
            + Finished("$drpc", "$target", "$finished")
            + "{{- if or (ne $at $target) (ne $stamp $switch) }}{{- $finished = false }}{{- end }}\n"
            + "- complianceType: musthave\n"
            + "  objectDefinition:\n"
            + "    apiVersion: ramendr.openshift.io/v1alpha1\n"
            + "    kind: DRPlacementControl\n"
            + "    metadata:\n"
            + "      name: \"dr-erp\"\n"
            + "      namespace: \"openshift-gitops\"\n"
            + "    status:\n"
            + "      progression: '{{ if $finished }}{{ print $drpc.status.progression }}{{ else }}acmdr-expected-finished-at-{{ $target }}-for-switch-{{ $switch }}{{ end }}'\n");
    }

    [TestMethod]
    public void Neither_template_reads_the_preferred_decision_Ramen_writes_once_nor_the_status_generation_it_moves_only_on_a_phase_change()
    {
        var plan = DualPlans.Plan();
        var erp = DualPlans.Policy(plan, "dr-erp");
        foreach (var text in new[] { DualTemplates.DrpcObjectTemplates(plan.Settings, erp, new MoveGates(plan).Of(erp), new StringBuilder()), DualTemplates.RecoveredObjectTemplates(plan.Settings, erp, new StringBuilder()) })
        {
            text.Should().NotContain("preferredDecision").And.NotContain("status.observedGeneration");
        }
    }

    [TestMethod]
    public void No_line_of_either_template_ends_with_a_space_so_ACM_keeps_them_literal_blocks()
    {
        var plan = DualPlans.Plan();
        foreach (var policy in plan.Policies.Where(p => p.Dual is not null))
        {
            var gates = new MoveGates(plan).Of(policy);
            foreach (var text in new[] { DualTemplates.DrpcObjectTemplates(plan.Settings, policy, gates, new StringBuilder()), DualTemplates.RecoveredObjectTemplates(plan.Settings, policy, new StringBuilder()) })
            {
                text.Split('\n').Should().NotContain(l => l.EndsWith(' ') || l.EndsWith('\t'), policy.Name);
            }
        }
    }

    [TestMethod]
    public void A_value_that_could_add_template_code_or_yaml_is_refused_not_written()
    {
        var plan = DualPlans.Plan();
        var erp = DualPlans.Policy(plan, "dr-erp");
        foreach (var hostile in new[] { "x\" }}{{ fail", "a}}b", "a{{b", "a\\b", "a\nb" })
        {
            var policies = new[]
            {
                erp with { Dual = erp.Dual! with { DrPolicy = hostile } },
                erp with { Dual = erp.Dual! with { PvcMatchLabels = [new("appname", hostile)] } },
                erp with { Dual = erp.Dual! with { PvcMatchLabels = [new(hostile, "x")] } },
                erp with { Dual = erp.Dual! with { Peer = hostile } },
                erp with { Dual = erp.Dual! with { Namespace = hostile } },
            };
            foreach (var policy in policies)
            {
                FluentActions.Invoking(() => DualTemplates.DrpcObjectTemplates(plan.Settings, policy, [], new StringBuilder()))
                    .Should().Throw<ArgumentException>().WithMessage("*cannot be placed in a template*");
            }

            FluentActions.Invoking(() => DualTemplates.DrpcObjectTemplates(plan.Settings, erp, [new MoveGate(PolicyNames.AppLabel, hostile, 1)], new StringBuilder()))
                .Should().Throw<ArgumentException>();
        }
    }

    [TestMethod]
    public void A_stretched_policy_has_no_dual_templates() =>
        FluentActions.Invoking(() => DualTemplates.RecoveredObjectTemplates(DrSettings.Default, new PolicyPlan("dr-web", "web", 1, "c1", null, [], []), new StringBuilder()))
            .Should().Throw<ArgumentException>();
}
