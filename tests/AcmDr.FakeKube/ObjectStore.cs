using System.Globalization;
using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>
/// The server's objects, keyed by group, plural, namespace and name, behind one lock.
/// Stored objects are never mutated in place; every write stores a new object, and callers get copies.
/// </summary>
public sealed partial class ObjectStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Group, string Plural, string Namespace, string Name), JsonObject> objects = [];
    private readonly List<WatchEvent> history = [];
    private readonly List<WatchSubscription> subscriptions = [];
    private readonly ResourceRegistry registry;
    private readonly TimeProvider clock;
    private long resourceVersion;

    internal ObjectStore(ResourceRegistry registry, TimeProvider clock)
    {
        this.registry = registry;
        this.clock = clock;
    }

    /// <summary>The global resourceVersion: bumped by every write.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (gate)
            {
                return resourceVersion;
            }
        }
    }

    /// <summary>Creates or unconditionally replaces an object; its type comes from apiVersion and kind.</summary>
    public JsonObject Put(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? throw new ArgumentException("object has no apiVersion", nameof(obj));
        var kind = obj["kind"]?.GetValue<string>() ?? throw new ArgumentException("object has no kind", nameof(obj));
        var type = registry.FindByKind(apiVersion, kind)
            ?? throw new ArgumentException($"{kind} in {apiVersion} is not registered", nameof(obj));
        var ns = type.Namespaced ? KubeObject.Namespace(obj) ?? "default" : null;
        var name = KubeObject.Name(obj) ?? throw new ArgumentException("object has no metadata.name", nameof(obj));
        lock (gate)
        {
            var body = (JsonObject)obj.DeepClone();
            KubeObject.Metadata(body).Remove("resourceVersion");
            return objects.ContainsKey(Key(type, ns, name))
                ? Replace(type, ns, name, body, statusOnly: false)
                : Create(type, ns, body);
        }
    }

    public JsonObject? Get(string group, string version, string plural, string? ns, string name)
    {
        var type = TypeOf(group, version, plural);
        lock (gate)
        {
            return objects.TryGetValue(Key(type, ns, name), out var found) ? Copy(found, type) : null;
        }
    }

    public IReadOnlyList<JsonObject> List(string group, string version, string plural, string? ns = null, string? labelSelector = null) =>
        List(TypeOf(group, version, plural), ns, LabelSelector.Parse(labelSelector), FieldSelector.Parse(null)).Items;

    /// <summary>Reads, mutates and writes back one object unconditionally, as another writer would.</summary>
    public JsonObject Update(string group, string version, string plural, string? ns, string name, Action<JsonObject> mutate)
    {
        ArgumentNullException.ThrowIfNull(mutate);
        var type = TypeOf(group, version, plural);
        return Patch(type, ns, name, current =>
        {
            var next = (JsonObject)current.DeepClone();
            mutate(next);
            KubeObject.Metadata(next).Remove("resourceVersion");
            return next;
        }, statusOnly: false);
    }

    public bool Delete(string group, string version, string plural, string? ns, string name)
    {
        var type = TypeOf(group, version, plural);
        lock (gate)
        {
            if (!objects.ContainsKey(Key(type, ns, name)))
            {
                return false;
            }

            Delete(type, ns, name);
            return true;
        }
    }

    internal JsonObject Get(ResourceType type, string? ns, string name)
    {
        lock (gate)
        {
            return objects.TryGetValue(Key(type, ns, name), out var found)
                ? Copy(found, type)
                : throw KubeApiException.NotFound(type, name);
        }
    }

    internal (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields)
    {
        lock (gate)
        {
            return ([.. Matching(type, ns, labels, fields).Select(o => Copy(o, type))], resourceVersion);
        }
    }

    /// <summary>
    /// One page of a LIST (see <see cref="ListPage"/>): only the page's objects are copied, so reading
    /// thousands of objects in pages costs the server about what one LIST does, as on a real API server.
    /// </summary>
    internal (IReadOnlyList<JsonObject> Items, long ResourceVersion, string? Continue, long? Remaining) ListPaged(
        ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, string? limit, string? continueToken)
    {
        lock (gate)
        {
            var (page, version, next, remaining) = ListPage.Cut(Matching(type, ns, labels, fields), resourceVersion, limit, continueToken);
            return ([.. page.Select(o => Copy(o, type))], version, next, remaining);
        }
    }

    /// <summary>The stored objects a LIST matches, in key order (namespace, then name), not copied; under the lock.</summary>
    private List<JsonObject> Matching(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields) =>
        objects
            .Where(p => p.Key.Group == type.Group && p.Key.Plural == type.Plural && (ns is null || p.Key.Namespace == ns))
            .OrderBy(p => p.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(p => p.Value)
            .Where(o => labels.Matches(o) && fields.Matches(o))
            .ToList();

    /// <summary>
    /// Opens a watch. From resourceVersion 0 (or none) it starts with ADDED for every current object;
    /// from a later version it replays the history after that version.
    /// </summary>
    internal WatchSubscription Subscribe(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, long fromVersion)
    {
        lock (gate)
        {
            var subscription = new WatchSubscription(type, ns, labels, fields, Unsubscribe);
            if (fromVersion <= 0)
            {
                foreach (var item in List(type, ns, labels, fields).Items)
                {
                    subscription.Offer(new WatchEvent("ADDED", resourceVersion, type, ns, item));
                }
            }
            else
            {
                foreach (var e in history.Where(e => e.ResourceVersion > fromVersion && subscription.Wants(e)))
                {
                    subscription.Offer(e);
                }
            }

            subscriptions.Add(subscription);
            return subscription;
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (gate)
        {
            subscriptions.Remove(subscription);
        }
    }

    private ResourceType TypeOf(string group, string version, string plural) =>
        registry.Find(group, version, plural) ?? throw new ArgumentException($"{plural}.{group}/{version} is not registered", nameof(plural));

    private static (string, string, string, string) Key(ResourceType type, string? ns, string name) =>
        (type.Group, type.Plural, type.Namespaced ? ns ?? "" : "", name);

    private static JsonObject Copy(JsonObject stored, ResourceType type)
    {
        var copy = (JsonObject)stored.DeepClone();
        copy["apiVersion"] = type.ApiVersion;
        copy["kind"] = type.Kind;
        return copy;
    }

    private string Now() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
