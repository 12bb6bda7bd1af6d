using AcmDr.Core.Compliance;
using FluentAssertions;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>
/// Every object result read from a compliance message, whole: kind, namespace, names, outcome and the
/// words it came from. A VM's verdict rests on these, so a wrong one is a VM reported at the wrong site.
/// </summary>
[TestClass]
public sealed class ObjectResultsTests
{
    private static IEnumerable<string> Results(string message) =>
        ComplianceMessage.Parse(message).Objects.Select(o => $"{o.Kind} {o.Namespace ?? "-"} [{string.Join(",", o.Names)}] {o.Outcome} | {o.Text}");

    [TestMethod]
    public void A_current_message_gives_one_result_per_part_with_its_own_words() =>
        Results("NonCompliant; violation - virtualmachineinstances [a, b] found as specified in namespace x; virtualmachineinstances [c] not found in namespace y")
            .Should().Equal(
                "virtualmachineinstances x [a,b] FoundAsSpecified | virtualmachineinstances [a, b] found as specified in namespace x",
                "virtualmachineinstances y [c] NotFound | virtualmachineinstances [c] not found in namespace y");

    [TestMethod]
    public void Every_current_verb_is_read() =>
        Results("Compliant; notification - virtualmachines [a] was created successfully in namespace x; virtualmachines [b] was updated successfully in namespace x; "
            + "virtualmachines [c] was deleted successfully in namespace x; virtualmachines [d] missing as expected in namespace x; "
            + "virtualmachines [e] found in namespace x; virtualmachines [f] found but not as specified in namespace x")
            .Select(r => r.Split(" | ")[0]).Should().Equal(
                "virtualmachines x [a] Created",
                "virtualmachines x [b] Updated",
                "virtualmachines x [c] Deleted",
                "virtualmachines x [d] MissingAsExpected",
                "virtualmachines x [e] FoundButShouldNotExist",
                "virtualmachines x [f] FoundNotAsSpecified");

    [TestMethod]
    public void A_result_naming_no_object_has_no_names() =>
        Results("Compliant; notification - namespaces found as specified").Should().Equal(
            "namespaces - [] FoundAsSpecified | namespaces found as specified");

    [TestMethod]
    public void No_instances_gives_a_not_found_result_per_namespace_and_none_without_namespaces()
    {
        Results("NonCompliant; violation - No instances of `virtualmachineinstances` found as specified in namespaces: a, b").Should().Equal(
            "virtualmachineinstances a [] NotFound | No instances of `virtualmachineinstances` found as specified in namespaces: a, b",
            "virtualmachineinstances b [] NotFound | No instances of `virtualmachineinstances` found as specified in namespaces: a, b");
        Results("NonCompliant; violation - No instances of `pods` found as specified").Should().Equal(
            "pods - [] NotFound | No instances of `pods` found as specified");
    }

    [TestMethod]
    public void An_older_not_found_list_carries_its_kind_across_parts_and_keeps_each_part_as_its_words() =>
        Results("NonCompliant; violation - deployments not found: [x] in namespace y missing; [x, w] in namespace z found but not as specified")
            .Should().Equal(
                "deployments y [x] NotFound | deployments not found: [x] in namespace y missing",
                "deployments z [x,w] FoundNotAsSpecified | [x, w] in namespace z found but not as specified");

    [TestMethod]
    public void An_older_entry_naming_no_namespace_is_about_every_namespace() =>
        Results("NonCompliant; violation - pods not found: [a] missing").Should().Equal("pods - [a] NotFound | pods not found: [a] missing");

    [TestMethod]
    public void A_current_result_is_never_read_again_as_an_older_one() =>
        Results("NonCompliant; violation - roles [admin] found").Should().Equal("roles - [admin] FoundButShouldNotExist | roles [admin] found");

    [TestMethod]
    public void An_older_list_without_outcome_words_is_kept_with_an_unknown_outcome() =>
        Results("Compliant; notification - roles in namespace a; in namespace b").Should().Equal(
            "roles a [] Unknown | roles in namespace a",
            "roles b [] Unknown | in namespace b");

    [TestMethod]
    public void An_older_missing_as_expected_list_gives_the_outcome_to_the_entries_before_it() =>
        Results("Compliant; notification - roles in namespace a; [r] in namespace b; in namespace c missing as expected, therefore this Object template is compliant")
            .Should().Equal(
                "roles a [] MissingAsExpected | roles in namespace a",
                "roles b [r] MissingAsExpected | [r] in namespace b",
                "roles c [] MissingAsExpected | in namespace c missing as expected, therefore this Object template is compliant");

    [TestMethod]
    public void An_older_must_not_have_list_reports_objects_that_should_not_exist() =>
        Results("NonCompliant; violation - roles found: [admin] in namespace x; [edit] in namespace y").Should().Equal(
            "roles x [admin] FoundButShouldNotExist | roles found: [admin] in namespace x",
            "roles y [edit] FoundButShouldNotExist | [edit] in namespace y");

    [TestMethod]
    public void An_older_found_list_entry_is_found_as_specified() =>
        Results("Compliant; notification - virtualmachineinstances [a] in namespace x found").Should().Equal(
            "virtualmachineinstances x [a] FoundAsSpecified | virtualmachineinstances [a] in namespace x found");

    [TestMethod]
    public void A_part_that_is_not_an_object_result_ends_an_older_list() =>
        Results("NonCompliant; violation - deployments not found: [x] in namespace y missing; something else entirely: 42; [z] in namespace w missing")
            .Should().Equal("deployments y [x] NotFound | deployments not found: [x] in namespace y missing");

    [TestMethod]
    public void A_current_result_ends_an_older_list_so_later_entries_are_not_read_as_its_own() =>
        Results("Compliant; notification - roles in namespace a; pods [p] found as specified in namespace b; in namespace c")
            .Should().Equal(
                "roles a [] Unknown | roles in namespace a",
                "pods b [p] FoundAsSpecified | pods [p] found as specified in namespace b");

    [TestMethod]
    public void A_no_instances_result_ends_an_older_list_too() =>
        Results("Compliant; notification - roles in namespace a; No instances of `pods` found as specified; in namespace c")
            .Should().Equal(
                "roles a [] Unknown | roles in namespace a",
                "pods - [] NotFound | No instances of `pods` found as specified");

    [TestMethod]
    public void Empty_parts_are_skipped_without_ending_a_list() =>
        Results("NonCompliant; violation - deployments not found: [x] in namespace y missing; ; [z] in namespace w missing")
            .Should().Equal(
                "deployments y [x] NotFound | deployments not found: [x] in namespace y missing",
                "deployments w [z] NotFound | [z] in namespace w missing");

    [TestMethod]
    public void An_older_list_start_whose_entry_is_not_an_entry_is_not_a_result() =>
        Results("NonCompliant; violation - deployments not found: whatever this is; [z] in namespace w missing").Should().BeEmpty();

    [TestMethod]
    public void A_result_is_about_an_object_by_kind_without_case_its_namespace_and_its_name()
    {
        var result = new ObjectResult("VirtualMachineInstances", "x", ["a", "b"], ObjectOutcome.NotFound, "t");

        result.IsAbout("virtualmachineinstances", "x", "b").Should().BeTrue();
        result.IsAbout("virtualmachines", "x", "b").Should().BeFalse();
        result.IsAbout("virtualmachineinstances", "y", "b").Should().BeFalse();
        result.IsAbout("virtualmachineinstances", "x", "c").Should().BeFalse();
        (result with { Namespace = null }).IsAbout("virtualmachineinstances", "any", "a").Should().BeTrue("a result without a namespace is about every namespace");
    }

    [TestMethod]
    public void The_detail_is_what_follows_the_compliance_word()
    {
        ComplianceMessage.Parse("Compliant").Detail.Should().BeEmpty();
        ComplianceMessage.Parse("Compliant;  all good ").Detail.Should().Be("all good");
        ComplianceMessage.Parse("Rolling; all good").Detail.Should().Be("Rolling; all good", "an unknown word keeps the whole message");
        ComplianceMessage.Parse("Compliant; all good").PendingDependencies.Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("compliant", ComplianceState.Compliant)]
    [DataRow(" NONCOMPLIANT ", ComplianceState.NonCompliant)]
    [DataRow("Pending", ComplianceState.Pending)]
    [DataRow("Terminating", ComplianceState.Unknown)]
    [DataRow(null, ComplianceState.Unknown)]
    public void A_compliance_word_is_read_without_case(string? word, ComplianceState state) =>
        ComplianceMessage.StateOf(word).Should().Be(state);
}
