using System.Text.Json.Nodes;

namespace AcmDr.Core.Isolated;

/// <summary>A VM's CPU and memory requests, in millicores and bytes.</summary>
/// <param name="FromInstancetype">The VM takes its size from a cluster instancetype acmdr does not read: sized 0.</param>
/// <param name="Problem">A quantity that does not parse, in words; null when all did.</param>
public sealed record VmSize(long MilliCpu, long Memory, bool FromInstancetype = false, string? Problem = null);

/// <summary>
/// What a VM's launcher requests, as KubeVirt derives it from the VM: <c>domain.resources.requests</c> when
/// set; else memory from <c>domain.memory.guest</c> (or <c>resources.limits.memory</c>), and CPU as one tenth
/// of a core per vCPU (sockets × cores × threads, each 1 when unset), KubeVirt's default cpuAllocationRatio of 10.
/// </summary>
public static class VmSizing
{
    /// <summary>The CPU a vCPU requests without an explicit request (KubeVirt's cpuAllocationRatio 10).</summary>
    public const long MilliCpuPerVcpu = 100;

    /// <summary>The size of a VM definition (a VirtualMachine, its spec read from spec.template.spec.domain).</summary>
    public static VmSize Of(JsonObject vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (JsonPaths.Object(vm, "spec", "instancetype") is not null)
        {
            return new VmSize(0, 0, FromInstancetype: true);
        }

        var domain = JsonPaths.Object(vm, "spec", "template", "spec", "domain");
        var problems = new List<string>();

        long cpu;
        if (JsonPaths.Scalar(domain, "resources", "requests", "cpu") is { } cpuText)
        {
            cpu = Read(cpuText, Quantities.MilliCpu, "CPU request", problems);
        }
        else
        {
            cpu = Vcpus(domain) * MilliCpuPerVcpu;
        }

        long memory = 0;
        var memoryText = JsonPaths.Scalar(domain, "resources", "requests", "memory")
            ?? JsonPaths.Scalar(domain, "memory", "guest")
            ?? JsonPaths.Scalar(domain, "resources", "limits", "memory");
        if (memoryText is not null)
        {
            memory = Read(memoryText, Quantities.Bytes, "memory", problems);
        }

        return new VmSize(cpu, memory, Problem: problems.Count > 0 ? string.Join("; ", problems) : null);
    }

    /// <summary>sockets × cores × threads of domain.cpu, each 1 when unset or not a positive whole number.</summary>
    public static long Vcpus(JsonNode? domain)
    {
        long Part(string key) =>
            JsonPaths.At(domain, "cpu", key) is JsonValue value && value.TryGetValue<long>(out var n) && n > 0 ? n : 1;

        return Part("sockets") * Part("cores") * Part("threads");
    }

    private static long Read(string text, Func<string, long?> parse, string what, List<string> problems)
    {
        if (parse(text) is { } value)
        {
            return value;
        }

        problems.Add($"{what} '{text}' is not a quantity");
        return 0;
    }
}
