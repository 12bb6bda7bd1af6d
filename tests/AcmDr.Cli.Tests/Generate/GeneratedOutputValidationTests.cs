using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>The committed sample output against the upstream CRDs and the real kubectl kustomize.</summary>
[TestClass]
public sealed class GeneratedOutputValidationTests
{
    private static IEnumerable<string> GeneratedYaml() =>
        new[] { "policies", "placements" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d), "*.yaml", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

    [TestMethod]
    public void Every_generated_document_validates_against_the_crds_with_unknown_fields_rejected()
    {
        var validator = CrdValidator.Shared;
        var files = GeneratedYaml().ToList();
        files.Should().HaveCountGreaterThan(20);
        var kinds = new HashSet<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            validator.Validate(text).Should().BeEmpty(Path.GetRelativePath(RepoPaths.Root, file));
            foreach (var doc in YamlJson.ParseDocuments(text))
            {
                kinds.Add(doc["kind"]!.GetValue<string>());
                if (doc["kind"]!.GetValue<string>() == "Policy")
                {
                    validator.ValidateEmbedded(doc).Should().BeEmpty(file);
                }
            }
        }

        kinds.Should().BeEquivalentTo(["ConfigMap", "Policy", "PolicySet", "Placement", "PlacementBinding", "ManagedClusterSetBinding", "Role", "RoleBinding"]);
    }

    [TestMethod]
    public void The_vm_fragment_of_each_site_policy_is_checked_against_the_virtualmachine_schema()
    {
        var policy = YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "policies/base/tier-2/dr-erp-db.yaml")))[0];
        var fragment = policy["spec"]!["policy-templates"]![0]!["objectDefinition"]!["spec"]!["object-templates"]![0]!["objectDefinition"]!.DeepClone();
        CrdValidator.Shared.ValidatePartial("kubevirt.io", "v1", "VirtualMachine", fragment).Should().BeEmpty();

        // The same fragment with a misspelt field must fail, or the check above proves nothing.
        fragment["spec"]!["template"]!["spec"]!["nodeSelectr"] = new JsonObject();
        CrdValidator.Shared.ValidatePartial("kubevirt.io", "v1", "VirtualMachine", fragment).Should().NotBeEmpty();
    }

    [TestMethod]
    public void Kustomize_builds_the_bases_and_the_overlay_differs_only_in_the_switch_site()
    {
        var kubectl = RequiredTool.Kubectl();
        string Build(string dir)
        {
            var (exit, stdout, stderr) = ProcessRunner.Run(kubectl, ["kustomize", Path.Combine(RepoPaths.Root, dir)], null, RepoPaths.Root, null, TimeSpan.FromMinutes(2));
            exit.Should().Be(0, $"kubectl kustomize {dir}: {stderr}");
            return stdout;
        }

        var placements = Build("placements");
        placements.Should().Contain("kind: Placement").And.Contain("kind: ManagedClusterSetBinding");
        Build("policies/rbac").Should().Contain("kind: Role");
        var baseLines = Build("policies/base").Split('\n');
        var overlayLines = Build("policies/overlays/dr").Split('\n');

        overlayLines.Should().HaveCount(baseLines.Length);
        var differences = baseLines.Zip(overlayLines).Where(p => p.First != p.Second).ToList();
        differences.Should().Equal([("  site: Primary", "  site: DR")], "the overlay changes only the switch's site value");
    }
}
