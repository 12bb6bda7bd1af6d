using System.Globalization;
using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>The store's writes: each bumps the global resourceVersion and records a watch event.</summary>
public sealed partial class ObjectStore
{
    internal JsonObject Create(ResourceType type, string? ns, JsonObject body)
    {
        lock (gate)
        {
            var obj = (JsonObject)body.DeepClone();
            var metadata = KubeObject.Metadata(obj);
            CheckNamespace(type, ns, obj);
            var name = KubeObject.Name(obj);
            if (string.IsNullOrEmpty(name))
            {
                var prefix = KubeObject.StringAt(obj, "generateName")
                    ?? throw KubeApiException.Invalid(type, "", "metadata.name: Required value: name or generateName is required");
                name = prefix + (resourceVersion + 1).ToString("x5", CultureInfo.InvariantCulture);
                metadata["name"] = name;
            }

            if (objects.ContainsKey(Key(type, ns, name)))
            {
                throw KubeApiException.AlreadyExists(type, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata["generation"] = 1L;
            return Store(type, ns, name, obj, "ADDED");
        }
    }

    internal JsonObject Replace(ResourceType type, string? ns, string name, JsonObject body, bool statusOnly)
    {
        lock (gate)
        {
            var current = objects.GetValueOrDefault(Key(type, ns, name)) ?? throw KubeApiException.NotFound(type, name);
            return Write(type, ns, name, current, body, statusOnly);
        }
    }

    /// <summary>Applies <paramref name="patch"/> to a copy of the current object under the lock.</summary>
    internal JsonObject Patch(ResourceType type, string? ns, string name, Func<JsonObject, JsonObject> patch, bool statusOnly)
    {
        lock (gate)
        {
            var current = objects.GetValueOrDefault(Key(type, ns, name)) ?? throw KubeApiException.NotFound(type, name);
            return Write(type, ns, name, current, patch(Copy(current, type)), statusOnly);
        }
    }

    internal JsonObject Delete(ResourceType type, string? ns, string name)
    {
        lock (gate)
        {
            var key = Key(type, ns, name);
            var current = objects.GetValueOrDefault(key) ?? throw KubeApiException.NotFound(type, name);
            var gone = (JsonObject)current.DeepClone();
            KubeObject.Metadata(gone)["resourceVersion"] = (++resourceVersion).ToString(CultureInfo.InvariantCulture);
            objects.Remove(key);
            Record(new WatchEvent("DELETED", resourceVersion, type, ns, gone));
            return Copy(gone, type);
        }
    }

    private JsonObject Write(ResourceType type, string? ns, string name, JsonObject current, JsonObject proposed, bool statusOnly)
    {
        var expected = KubeObject.ResourceVersion(proposed);
        if (!string.IsNullOrEmpty(expected) && expected != KubeObject.ResourceVersion(current))
        {
            throw KubeApiException.Conflict(type, name);
        }

        var proposedName = KubeObject.Name(proposed);
        if (proposedName is not null && proposedName != name)
        {
            throw KubeApiException.BadRequest($"the name of the object ({proposedName}) does not match the name on the URL ({name})");
        }

        JsonObject next;
        if (statusOnly)
        {
            next = (JsonObject)current.DeepClone();
            next["status"] = proposed["status"]?.DeepClone();
        }
        else
        {
            next = (JsonObject)proposed.DeepClone();
            CheckNamespace(type, ns, next);
            var metadata = KubeObject.Metadata(next);
            var old = KubeObject.Metadata(current);
            metadata["name"] = name;
            foreach (var field in new[] { "uid", "creationTimestamp" })
            {
                metadata[field] = old[field]?.DeepClone();
            }

            var generation = long.Parse(old["generation"]?.ToString() ?? "1", CultureInfo.InvariantCulture);
            metadata["generation"] = KubeObject.SpecEquals(current, next) ? generation : generation + 1;
        }

        return Store(type, ns, name, next, "MODIFIED");
    }

    private static void CheckNamespace(ResourceType type, string? ns, JsonObject obj)
    {
        var metadata = KubeObject.Metadata(obj);
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var given = KubeObject.Namespace(obj);
        if (given is not null && given != ns)
        {
            throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = ns;
    }

    private JsonObject Store(ResourceType type, string? ns, string name, JsonObject obj, string eventType)
    {
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        KubeObject.Metadata(obj)["resourceVersion"] = (++resourceVersion).ToString(CultureInfo.InvariantCulture);
        objects[Key(type, ns, name)] = obj;
        Record(new WatchEvent(eventType, resourceVersion, type, type.Namespaced ? ns : null, obj));
        return Copy(obj, type);
    }

    private void Record(WatchEvent e)
    {
        history.Add(e);
        foreach (var subscription in subscriptions.Where(s => s.Wants(e)))
        {
            subscription.Offer(e);
        }
    }
}
