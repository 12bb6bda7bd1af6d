using System.Text.Json.Nodes;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Cluster;

/// <summary>VirtualMachineInstanceMigration objects: the one acmdr creates, and how to read how one ended.</summary>
public static class MigrationStatus
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    public static string? Phase(JsonObject migration) => KubeJson.Text(migration["status"]?["phase"]);

    public static bool IsFinished(JsonObject migration) => Phase(migration) is Succeeded or Failed;

    /// <summary>Why it failed: a true condition's message or reason, else the phase.</summary>
    public static string FailureReason(JsonObject migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var condition = migration["status"]?["conditions"] is JsonArray conditions
            ? conditions.OfType<JsonObject>().FirstOrDefault(c => KubeJson.Text(c["status"]) == "True")
            : null;
        var detail = condition is null ? null : KubeJson.Text(condition["message"]) ?? KubeJson.Text(condition["reason"]);
        return $"migration {KubeJson.Text(migration["metadata"]?["name"])} {Phase(migration) ?? "ended"}" + (detail is null ? "" : $": {detail}");
    }

    /// <summary>A migration of one instance, named after the VM so an admin sees whose it is; labelled as acmdr's.</summary>
    public static JsonObject New(string ns, string vmiName)
    {
        // The API server keeps at most 58 characters of a generateName before its random suffix.
        var prefix = $"acmdr-{vmiName}";
        prefix = (prefix.Length > 57 ? prefix[..57] : prefix) + "-";
        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstanceMigration",
            ["metadata"] = new JsonObject
            {
                ["generateName"] = prefix,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [PolicyNames.ManagedByLabel] = PolicyNames.ManagedByValue },
            },
            ["spec"] = new JsonObject { ["vmiName"] = vmiName },
        };
    }
}
