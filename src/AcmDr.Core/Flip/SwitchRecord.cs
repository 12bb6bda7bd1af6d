using AcmDr.Core.Settings;

namespace AcmDr.Core.Flip;

/// <summary>A switch file as read: the hub namespace, the data and the settings it records.</summary>
public sealed record SwitchRecord(string Namespace, IReadOnlyDictionary<string, string> Data, DrSettings Settings);
