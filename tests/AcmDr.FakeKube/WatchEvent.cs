using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>One change in the store's history, with its wire form rendered once at write time.</summary>
internal sealed record WatchEvent(string EventType, long ResourceVersion, ResourceType Type, string? Namespace, JsonObject Object)
{
    public string Line { get; } = new JsonObject
    {
        ["type"] = EventType,
        ["object"] = Object.DeepClone(),
    }.ToJsonString();
}
