using System.Globalization;
using System.Text;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// The Policy of one app on one cluster: an enforce ConfigurationPolicy that sets every VM's site
/// nodeSelector, an inform one that checks each VM runs at that site, and an enforce one that
/// live-migrates the running VMs a migration can take there (<see cref="MoveTemplates"/>). A dual-cluster app's Policy
/// instead keeps its DRPlacementControl (<see cref="DualManifests.PolicyTemplates"/>).
/// </summary>
public static class PolicyManifest
{
    /// <summary>The Policy of <paramref name="policy"/>; <paramref name="scratch"/> is a text buffer the caller may reuse across policies.</summary>
    /// <param name="gate">What its <c>-move</c> template waits for (<see cref="MoveGates"/>); nothing when null.</param>
    public static Mapping Build(DrSettings settings, PolicyPlan policy, StringBuilder? scratch = null, IReadOnlyList<MoveGate>? gate = null)
    {
        var tier = policy.Tier.ToString(CultureInfo.InvariantCulture);
        var annotations = new Mapping()
            .Add("policy.open-cluster-management.io/standards", "NIST SP 800-53")
            .Add("policy.open-cluster-management.io/categories", "CP Contingency Planning")
            .Add("policy.open-cluster-management.io/controls", "CP-10 System Recovery and Reconstitution")
            .Add(PolicyNames.VmsAnnotation, string.Join(',', policy.Vms.Select(v => v.ToString())));
        if (policy.RtoMinutes is { } rto)
        {
            annotations.Add(PolicyNames.RtoAnnotation, rto.ToString(CultureInfo.InvariantCulture));
        }

        var metadata = Meta.Metadata(policy.Name, settings.HubNamespace,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [PolicyNames.AppLabel] = policy.App,
                [PolicyNames.TierLabel] = tier,
                [PolicyNames.ClusterLabel] = policy.Cluster,
            },
            annotations);

        var spec = new Mapping()
            .Add("disabled", TypedScalar.Of(false))
            .Add("policy-templates", policy.Dual is not null
                ? DualManifests.PolicyTemplates(settings, policy, gate ?? [], scratch ?? new StringBuilder())
                : new Sequence()
                    .Add(new Mapping().Add("objectDefinition", SiteConfigurationPolicy(settings, policy)))
                    .Add(new Mapping().Add("objectDefinition", RunningConfigurationPolicy(settings, policy, scratch ??= new StringBuilder())))
                    .Add(new Mapping().Add("objectDefinition", MoveConfigurationPolicy(settings, policy, gate ?? [], scratch))));
        if (policy.Dependencies.Count > 0)
        {
            spec.Add("dependencies", new Sequence(policy.Dependencies.Select(d => (ManifestNode)Dependency(settings, d))));
        }

        return Meta.Document($"{Meta.PolicyGroup}/v1", "Policy", metadata).Add("spec", spec);
    }

    private static Mapping SiteConfigurationPolicy(DrSettings settings, PolicyPlan policy)
    {
        var site = SiteTemplates.HubSite(settings, policy.App, policy.Tier);
        // The labels let a later tier's -move find this tier's VMs with one lookup; the stamp says which switch set the site.
        var tier = policy.Tier.ToString(CultureInfo.InvariantCulture);
        var version = SiteTemplates.HubSwitchVersion();
        var objects = new Sequence();
        foreach (var vm in policy.Vms)
        {
            var nodeSelector = new Mapping().Add(settings.SiteLabel, site);
            objects.Add(new Mapping()
                .Add("complianceType", "musthave")
                .Add("objectDefinition", new Mapping()
                    .Add("apiVersion", "kubevirt.io/v1")
                    .Add("kind", "VirtualMachine")
                    .Add("metadata", new Mapping().Add("name", vm.Name).Add("namespace", vm.Namespace)
                        .Add("labels", new Mapping().Add(PolicyNames.AppLabel, policy.App).Add(PolicyNames.TierLabel, tier))
                        .Add("annotations", new Mapping().Add(PolicyNames.SwitchVersionAnnotation, version)))
                    .Add("spec", new Mapping().Add("template", new Mapping().Add("spec", new Mapping().Add("nodeSelector", nodeSelector))))));
        }

        // The site resolved on the hub, readable in a replicated policy without the templates: a report from a
        // dump without the switch takes each VM's target from it.
        var template = ConfigurationPolicy(PolicyNames.SiteTemplate(policy.Name), "enforce", "object-templates", objects);
        ((Mapping)template["metadata"]!).Add("annotations", new Mapping().Add(PolicyNames.ResolvedSiteAnnotation, site));
        return template;
    }

    private static Mapping RunningConfigurationPolicy(DrSettings settings, PolicyPlan policy, StringBuilder scratch) =>
        ConfigurationPolicy(PolicyNames.RunningTemplate(policy.Name), "inform",
            "object-templates-raw", new Scalar(SiteTemplates.RunningObjectTemplates(settings, policy, scratch)));

    private static Mapping MoveConfigurationPolicy(DrSettings settings, PolicyPlan policy, IReadOnlyList<MoveGate> gate, StringBuilder scratch) =>
        ConfigurationPolicy(PolicyNames.MoveTemplate(policy.Name), "enforce",
            "object-templates-raw", new Scalar(MoveTemplates.MoveObjectTemplates(settings, policy, gate, scratch)));

    internal static Mapping ConfigurationPolicy(string name, string remediation, string objectsKey, ManifestNode objects)
    {
        var spec = new Mapping()
            .Add("remediationAction", remediation)
            // Never prune: a policy removed by a placement or dependency change must not delete a VM.
            .Add("pruneObjectBehavior", "None")
            .Add("severity", "high")
            .Add(objectsKey, objects);
        return new Mapping()
            .Add("apiVersion", $"{Meta.PolicyGroup}/v1")
            .Add("kind", "ConfigurationPolicy")
            .Add("metadata", new Mapping().Add("name", name))
            .Add("spec", spec);
    }

    private static Mapping Dependency(DrSettings settings, PolicyDependency dependency) =>
        new Mapping()
            .Add("apiVersion", dependency.Kind == PolicyDependency.PolicySetKind ? $"{Meta.PolicyGroup}/v1beta1" : $"{Meta.PolicyGroup}/v1")
            .Add("kind", dependency.Kind)
            .Add("name", dependency.Name)
            .Add("namespace", settings.HubNamespace)
            .Add("compliance", "Compliant");
}
