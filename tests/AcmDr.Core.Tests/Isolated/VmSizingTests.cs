using AcmDr.Core.Isolated;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>What a copy requests, as KubeVirt sizes its launcher.</summary>
[TestClass]
public sealed class VmSizingTests
{
    [TestMethod]
    public void Explicit_requests_size_the_copy() =>
        VmSizing.Of(IsolatedSamples.WebVm()).Should().Be(new VmSize(1000, 2 * Quantities.Gi));

    [TestMethod]
    public void Without_requests_memory_is_the_guest_memory_and_cpu_a_tenth_of_a_core_per_vcpu() =>
        VmSizing.Of(IsolatedSamples.DbVm()).Should().Be(new VmSize(200, 4 * Quantities.Gi));

    [TestMethod]
    [DataRow("""{"sockets": 2, "cores": 3, "threads": 2}""", 12L)]
    [DataRow("""{"sockets": 4}""", 4L)]
    [DataRow("""{"threads": 2}""", 2L)]
    [DataRow("""{}""", 1L)]
    [DataRow("""{"cores": 0}""", 1L)]
    [DataRow("""{"cores": -2}""", 1L)]
    [DataRow("""{"cores": "4"}""", 1L)]
    public void Vcpus_are_sockets_times_cores_times_threads_each_one_when_unset(string cpu, long vcpus)
    {
        var vm = Vm($$"""{"cpu": {{cpu}}}""");

        VmSizing.Vcpus(vm["spec"]!["template"]!["spec"]!["domain"]).Should().Be(vcpus);
        VmSizing.Of(vm).MilliCpu.Should().Be(vcpus * 100);
    }

    [TestMethod]
    public void A_domain_without_cpu_is_one_vcpu() =>
        VmSizing.Of(Vm("{}")).Should().Be(new VmSize(100, 0));

    [TestMethod]
    public void A_memory_request_comes_before_the_guest_memory_and_the_guest_memory_before_the_limit()
    {
        VmSizing.Of(Vm("""{"resources": {"requests": {"memory": "1Gi"}, "limits": {"memory": "3Gi"}}, "memory": {"guest": "2Gi"}}""")).Memory.Should().Be(Quantities.Gi);
        VmSizing.Of(Vm("""{"resources": {"limits": {"memory": "3Gi"}}, "memory": {"guest": "2Gi"}}""")).Memory.Should().Be(2 * Quantities.Gi);
        VmSizing.Of(Vm("""{"resources": {"limits": {"memory": "3Gi"}}}""")).Memory.Should().Be(3 * Quantities.Gi);
    }

    [TestMethod]
    public void A_cpu_request_replaces_the_vcpu_count_and_a_memory_request_alone_keeps_it()
    {
        VmSizing.Of(Vm("""{"cpu": {"cores": 8}, "resources": {"requests": {"cpu": "500m"}}}""")).MilliCpu.Should().Be(500);
        VmSizing.Of(Vm("""{"cpu": {"cores": 8}, "resources": {"requests": {"memory": "1Gi"}}}""")).Should().Be(new VmSize(800, Quantities.Gi));
    }

    [TestMethod]
    public void A_numeric_request_is_a_quantity_too() =>
        VmSizing.Of(Vm("""{"resources": {"requests": {"cpu": 2, "memory": 1073741824}}}""")).Should().Be(new VmSize(2000, Quantities.Gi));

    [TestMethod]
    public void A_request_that_is_neither_text_nor_a_number_is_not_there() =>
        VmSizing.Of(Vm("""{"resources": {"requests": {"cpu": true, "memory": null}}, "memory": {"guest": "1Gi"}}""")).Should().Be(new VmSize(100, Quantities.Gi));

    [TestMethod]
    public void A_request_that_is_not_a_quantity_is_named_and_counts_zero()
    {
        VmSizing.Of(Vm("""{"resources": {"requests": {"cpu": "lots", "memory": "big"}}}""")).Should().Be(
            new VmSize(0, 0, Problem: "CPU request 'lots' is not a quantity; memory 'big' is not a quantity"));
        VmSizing.Of(Vm("""{"memory": {"guest": "4GB"}}""")).Should().Be(new VmSize(100, 0, Problem: "memory '4GB' is not a quantity"));
    }

    [TestMethod]
    public void A_vm_sized_by_an_instancetype_is_sized_zero_and_says_so()
    {
        var vm = Vm("""{"cpu": {"cores": 4}, "memory": {"guest": "8Gi"}}""");
        vm["spec"]!["instancetype"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "u1.large" };

        VmSizing.Of(vm).Should().Be(new VmSize(0, 0, FromInstancetype: true));
    }

    [TestMethod]
    public void A_null_vm_is_refused() =>
        FluentActions.Invoking(() => VmSizing.Of(null!)).Should().Throw<ArgumentNullException>();

    private static System.Text.Json.Nodes.JsonObject Vm(string domain) =>
        IsolatedSamples.Parse("""{"spec": {"template": {"spec": {"domain": """ + domain + "}}}}");
}
