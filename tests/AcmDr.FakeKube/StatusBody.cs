using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>Builds the meta/v1 Status objects the API server returns.</summary>
public static class StatusBody
{
    public static JsonObject Failure(int code, string reason, string message, string? name = null, ResourceType? type = null)
    {
        var status = Base("Failure");
        status["message"] = message;
        status["reason"] = reason;
        if (name is not null || type is not null)
        {
            status["details"] = Details(name, type);
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Success(string name, ResourceType type, string? uid)
    {
        var status = Base("Success");
        var details = Details(name, type);
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        status["details"] = details;
        return status;
    }

    /// <summary>The reason kube uses for a bare status code, for injected faults.</summary>
    public static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "InternalError",
    };

    private static JsonObject Base(string outcome) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = outcome,
    };

    private static JsonObject Details(string? name, ResourceType? type)
    {
        var details = new JsonObject();
        if (name is not null)
        {
            details["name"] = name;
        }

        if (type is not null)
        {
            if (type.Group.Length > 0)
            {
                details["group"] = type.Group;
            }

            details["kind"] = type.Plural;
        }

        return details;
    }
}
