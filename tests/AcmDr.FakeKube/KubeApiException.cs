using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>A failure the fake server answers with a Kubernetes Status body.</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message, string? name = null, ResourceType? type = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        ResourceName = name;
        Type = type;
    }

    public KubeApiException()
        : this(500, "InternalError", "internal error")
    {
    }

    public KubeApiException(string message)
        : this(500, "InternalError", message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    public string Reason { get; }

    public string? ResourceName { get; }

    public ResourceType? Type { get; }

    public static KubeApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", name, type);

    public static KubeApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", name, type);

    public static KubeApiException Conflict(ResourceType type, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            name, type);

    public static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeApiException Invalid(ResourceType type, string name, string message) =>
        new(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {message}", name, type);

    public JsonObject ToStatus() => StatusBody.Failure(Code, Reason, Message, ResourceName, Type);
}
