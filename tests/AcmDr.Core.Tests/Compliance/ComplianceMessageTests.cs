using AcmDr.Core.Compliance;
using FluentAssertions;

namespace AcmDr.Core.Tests.Compliance;

[TestClass]
public sealed class ComplianceMessageTests
{
    private const string Vmi = "virtualmachineinstances";

    [TestMethod]
    public void Found_as_specified_names_every_VM()
    {
        var parsed = ComplianceMessage.Parse(
            "Compliant; notification - virtualmachines [vm-a, vm-b] found as specified in namespace apps");

        parsed.State.Should().Be(ComplianceState.Compliant);
        parsed.Objects.Should().ContainSingle().Which.Should().BeEquivalentTo(new ObjectResult(
            "virtualmachines", "apps", ["vm-a", "vm-b"], ObjectOutcome.FoundAsSpecified,
            "virtualmachines [vm-a, vm-b] found as specified in namespace apps"));
    }

    [TestMethod]
    [DataRow("found but not as specified", ObjectOutcome.FoundNotAsSpecified)]
    [DataRow("not found", ObjectOutcome.NotFound)]
    [DataRow("was updated successfully", ObjectOutcome.Updated)]
    [DataRow("was created successfully", ObjectOutcome.Created)]
    [DataRow("was deleted successfully", ObjectOutcome.Deleted)]
    [DataRow("missing as expected", ObjectOutcome.MissingAsExpected)]
    [DataRow("found", ObjectOutcome.FoundButShouldNotExist)]
    public void Current_wording_gives_the_outcome(string verb, ObjectOutcome outcome)
    {
        var parsed = ComplianceMessage.Parse($"NonCompliant; violation - {Vmi} [vm-c] {verb} in namespace apps");

        parsed.State.Should().Be(ComplianceState.NonCompliant);
        var result = parsed.Objects.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(outcome);
        result.IsAbout(Vmi, "apps", "vm-c").Should().BeTrue();
    }

    [TestMethod]
    public void Several_results_joined_with_semicolons()
    {
        var parsed = ComplianceMessage.Parse(
            "NonCompliant; violation - virtualmachineinstances [a] not found in namespace x; " +
            "virtualmachineinstances [b] found but not as specified in namespace x");

        parsed.Objects.Select(o => (o.Names[0], o.Outcome)).Should().Equal(
            ("a", ObjectOutcome.NotFound), ("b", ObjectOutcome.FoundNotAsSpecified));
    }

    [TestMethod]
    public void Mixed_notification_and_violation_parts_each_read()
    {
        var parsed = ComplianceMessage.Parse(
            "NonCompliant; notification - pods [nginx-pod] found as specified in namespace another; " +
            "violation - pods [nginx-pod] found but not as specified in namespace default; " +
            "violation - pods [nginx-pod] not found in namespace nonexist");

        parsed.Objects.Select(o => (o.Namespace, o.Outcome)).Should().Equal(
            ("another", ObjectOutcome.FoundAsSpecified),
            ("default", ObjectOutcome.FoundNotAsSpecified),
            ("nonexist", ObjectOutcome.NotFound));
    }

    [TestMethod]
    public void Many_names_dots_and_dashes_in_names_and_namespaces()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"vm-{i}.db.example-x").ToArray();
        var parsed = ComplianceMessage.Parse(
            $"Compliant; notification - {Vmi} [{string.Join(", ", names)}] found as specified in namespace team-a.prod-1");

        var result = parsed.Objects.Should().ContainSingle().Subject;
        result.Names.Should().Equal(names);
        result.Namespace.Should().Be("team-a.prod-1");
    }

    [TestMethod]
    public void Several_namespaces_one_result_each()
    {
        var parsed = ComplianceMessage.Parse(
            $"NonCompliant; violation - {Vmi} [web-0] not found in namespaces: web, web-dr.b");

        parsed.Objects.Select(o => o.Namespace).Should().Equal("web", "web-dr.b");
    }

    [TestMethod]
    public void Cluster_scoped_has_no_namespace()
    {
        var parsed = ComplianceMessage.Parse("Compliant; notification - namespaces [apps] found as specified");

        parsed.Objects.Should().ContainSingle().Which.Namespace.Should().BeNull();
    }

    [TestMethod]
    public void Older_not_found_list_continues_across_parts()
    {
        var parsed = ComplianceMessage.Parse(
            "NonCompliant; violation - deployments not found: [x] in namespace y missing; " +
            "[x] in namespace z found but not as specified");

        parsed.Objects.Select(o => (o.Kind, o.Namespace, o.Outcome)).Should().Equal(
            ("deployments", "y", ObjectOutcome.NotFound),
            ("deployments", "z", ObjectOutcome.FoundNotAsSpecified));
    }

    [TestMethod]
    public void Older_compliant_list_found_as_specified_therefore()
    {
        var parsed = ComplianceMessage.Parse(
            "Compliant; notification - virtualmachineinstances [a] in namespace x found; " +
            "[b, c] in namespace y found as specified, therefore this Object template is compliant");

        parsed.Objects.Should().HaveCount(2).And.OnlyContain(o => o.Outcome == ObjectOutcome.FoundAsSpecified);
        parsed.About(Vmi, "y", "c").Should().ContainSingle();
    }

    [TestMethod]
    public void Older_missing_as_expected_applies_to_every_namespace_of_the_list()
    {
        var parsed = ComplianceMessage.Parse(
            "Compliant; notification - roles in namespace cluster1; in namespace default; " +
            "in namespace local-path-storage missing as expected, therefore this Object template is compliant");

        parsed.Objects.Select(o => o.Namespace).Should().Equal("cluster1", "default", "local-path-storage");
        parsed.Objects.Should().OnlyContain(o => o.Outcome == ObjectOutcome.MissingAsExpected && o.Kind == "roles");
    }

    [TestMethod]
    public void Older_must_not_have_violation_found_colon()
    {
        var parsed = ComplianceMessage.Parse("NonCompliant; violation - roles found: [admin] in namespace x");

        parsed.Objects.Should().ContainSingle().Which.Outcome.Should().Be(ObjectOutcome.FoundButShouldNotExist);
    }

    [TestMethod]
    public void No_instances_is_not_found_per_namespace()
    {
        var parsed = ComplianceMessage.Parse(
            "NonCompliant; violation - No instances of `virtualmachineinstances` found as specified in namespaces: a, b");

        parsed.Objects.Should().HaveCount(2).And.OnlyContain(o => o.Outcome == ObjectOutcome.NotFound);
    }

    [TestMethod]
    public void Pending_names_its_dependencies()
    {
        var parsed = ComplianceMessage.Parse(
            "Pending; Dependencies were not satisfied: 2 are still pending (Policy acmdr.dr-db, PolicySet acmdr.dr-tier-1)");

        parsed.State.Should().Be(ComplianceState.Pending);
        parsed.Objects.Should().BeEmpty();
        parsed.PendingDependencies.Should().Equal("Policy acmdr.dr-db", "PolicySet acmdr.dr-tier-1");
    }

    [TestMethod]
    [DataRow("NonCompliant; violation - Failed to process the template: template: tmpl:1: function \"foo\" not defined")]
    [DataRow("NonCompliant; template-error; failed to resolve the template")]
    [DataRow("NonCompliant; violation - Error processing hub templates: could not find ConfigMap acmdr-sites-invalid-site")]
    public void Template_errors_are_flagged_without_objects(string message)
    {
        var parsed = ComplianceMessage.Parse(message);

        parsed.State.Should().Be(ComplianceState.NonCompliant);
        parsed.IsTemplateError.Should().BeTrue();
        parsed.Objects.Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(null)]
    [DataRow("   ")]
    [DataRow(";;;; ; [ ] ] [")]
    [DataRow("Terminating")]
    [DataRow("something happened; virtualmachineinstances [a] found as specified in namespace x")]
    [DataRow("[[[[[")]
    public void Garbage_is_unknown_and_never_throws(string? message)
    {
        var parsed = ComplianceMessage.Parse(message);

        parsed.State.Should().Be(ComplianceState.Unknown);
    }

    [TestMethod]
    public void Unknown_wording_keeps_state_without_objects()
    {
        var parsed = ComplianceMessage.Parse("Compliant; notification - all VMs are where they should be");

        parsed.State.Should().Be(ComplianceState.Compliant);
        parsed.Objects.Should().BeEmpty();
        parsed.IsTemplateError.Should().BeFalse();
    }

    [TestMethod]
    public void State_word_only_is_read()
    {
        ComplianceMessage.Parse("NonCompliant").State.Should().Be(ComplianceState.NonCompliant);
    }

    [TestMethod]
    public void Ansi_escapes_are_stripped_before_parsing()
    {
        var parsed = ComplianceMessage.Parse(
            "\u001b[31mNonCompliant\u001b[0m; violation - virtualmachineinstances [vm\u0007-c] not found in namespace apps\u001b]0;pwned\u0007\r\n");

        parsed.State.Should().Be(ComplianceState.NonCompliant);
        parsed.Text.Should().Be("NonCompliant; violation - virtualmachineinstances [vm-c] not found in namespace apps");
        parsed.About(Vmi, "apps", "vm-c").Should().ContainSingle();
    }
}
