using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>
/// ResourceQuota as the quota admission enforces it on what a copy needs: count/virtualmachines.kubevirt.io
/// on a VM's create (403), persistentvolumeclaims and requests.storage on CDI's claim (the DataVolume stays
/// Pending, ErrExceededQuota), requests.cpu and requests.memory on the virt-launcher pod (the instance stays
/// Pending, FailedCreate). A launcher requests the VM's domain.resources.requests (else memory.guest, and
/// 100m per vCPU) plus <see cref="LauncherOverheadMilliCpu"/> and <see cref="LauncherOverheadMemory"/>.
/// </summary>
public sealed partial class SimulatedIsolation
{
    /// <summary>What a virt-launcher pod requests beyond its VM: 100m CPU.</summary>
    public const long LauncherOverheadMilliCpu = 100;

    /// <summary>What a virt-launcher pod requests beyond its VM: 256Mi.</summary>
    public const long LauncherOverheadMemory = 256L * 1024 * 1024;

    /// <summary>A Kubernetes quantity ("100m", "2", "1.5", "4Gi", "512M", "1e3") in its base unit times <paramref name="scale"/> (1000 for millicores); null when unreadable.</summary>
    public static long? Quantity(string? text, long scale = 1)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var suffixes = new (string Suffix, decimal Factor)[]
        {
            ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024), ("Pi", 1024m * 1024 * 1024 * 1024 * 1024),
            ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("m", 0.001m),
        };
        var factor = 1m;
        var number = text.Trim();
        foreach (var (suffix, f) in suffixes)
        {
            if (number.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = f;
                number = number[..^suffix.Length];
                break;
            }
        }

        return decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (long)Math.Ceiling(value * factor * scale)
            : null;
    }

    /// <summary>What the VM's virt-launcher pod requests (millicores, bytes), overhead included.</summary>
    public static (long MilliCpu, long Memory) LauncherRequests(JsonObject vmOrInstanceSpec)
    {
        ArgumentNullException.ThrowIfNull(vmOrInstanceSpec);
        var domain = vmOrInstanceSpec["domain"];
        var cpu = Quantity(Text(domain?["resources"]?["requests"]?["cpu"]), 1000);
        if (cpu is null)
        {
            var topology = domain?["cpu"];
            long Count(string key) => topology?[key] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;
            cpu = Count("sockets") * Count("cores") * Count("threads") * 100;
        }

        var memory = Quantity(Text(domain?["resources"]?["requests"]?["memory"]))
            ?? Quantity(Text(domain?["memory"]?["guest"]))
            ?? Quantity(Text(domain?["resources"]?["limits"]?["memory"]))
            ?? 0;
        return (cpu.Value + LauncherOverheadMilliCpu, memory + LauncherOverheadMemory);
    }

    /// <summary>The first quota in <paramref name="ns"/> that <paramref name="adding"/> (resource name to amount) would exceed, as the API server words it; null when it fits.</summary>
    private string? ExceededQuota(string ns, IReadOnlyDictionary<string, long> adding, IReadOnlyDictionary<string, long> used)
    {
        foreach (var quota in List(ApiResource.Quotas, ns))
        {
            if (quota["spec"]?["hard"] is not JsonObject hard)
            {
                continue;
            }

            foreach (var (resource, amount) in adding)
            {
                var scale = resource.EndsWith(".cpu", StringComparison.Ordinal) ? 1000 : 1;
                if (Quantity(Text(hard[resource]), scale) is { } limit && used.GetValueOrDefault(resource) + amount > limit)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"exceeded quota: {Name(quota)}, requested: {resource}={Show(resource, amount)}, used: {resource}={Show(resource, used.GetValueOrDefault(resource))}, limited: {resource}={Text(hard[resource])}");
                }
            }
        }

        return null;
    }

    private static string Show(string resource, long amount) =>
        resource.EndsWith(".cpu", StringComparison.Ordinal) ? amount.ToString(CultureInfo.InvariantCulture) + "m" : amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quota admission of a VM's create: count/virtualmachines.kubevirt.io.</summary>
    private KubeApiException? AdmitVm(string ns)
    {
        var used = new Dictionary<string, long>(StringComparer.Ordinal) { ["count/virtualmachines.kubevirt.io"] = List(ApiResource.VirtualMachines, ns).Count };
        var exceeded = ExceededQuota(ns, new Dictionary<string, long>(StringComparer.Ordinal) { ["count/virtualmachines.kubevirt.io"] = 1 }, used);
        if (exceeded is null)
        {
            return null;
        }

        Record($"refused create of virtualmachines in {ns}: {exceeded}");
        return new KubeApiException(403, "Forbidden", $"virtualmachines.kubevirt.io is forbidden: {exceeded}");
    }

    /// <summary>Whether CDI's claim of <paramref name="size"/> bytes fits the namespace's quotas; the refusal when not.</summary>
    private string? ClaimQuota(string ns, long size)
    {
        var claims = List(ApiResource.Claims, ns);
        var used = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["persistentvolumeclaims"] = claims.Count,
            ["requests.storage"] = claims.Sum(c => Quantity(Text(c["spec"]?["resources"]?["requests"]?["storage"])) ?? 0),
        };
        return ExceededQuota(ns, new Dictionary<string, long>(StringComparer.Ordinal) { ["persistentvolumeclaims"] = 1, ["requests.storage"] = size }, used);
    }

    /// <summary>Whether the VM's launcher pod fits the namespace's quotas next to the instances already there; the refusal when not.</summary>
    private string? LauncherQuota(string ns, string name, JsonObject spec)
    {
        var (cpu, memory) = LauncherRequests(spec);
        var others = List(ApiResource.Instances, ns)
            .Where(i => Name(i) != name && Text(i["status"]?["phase"]) is "Running" or "Scheduling" or "Scheduled")
            .Select(i => LauncherRequests(i["spec"] as JsonObject ?? []))
            .ToList();
        var used = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["requests.cpu"] = others.Sum(o => o.MilliCpu),
            ["requests.memory"] = others.Sum(o => o.Memory),
        };
        return ExceededQuota(ns, new Dictionary<string, long>(StringComparer.Ordinal) { ["requests.cpu"] = cpu, ["requests.memory"] = memory }, used);
    }
}
