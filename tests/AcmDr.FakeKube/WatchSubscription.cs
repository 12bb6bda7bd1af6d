using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace AcmDr.FakeKube;

/// <summary>A live watch on the store: events that match its filter are queued for one stream.</summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<WatchSubscription> unsubscribe;

    public WatchSubscription(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, Action<WatchSubscription> unsubscribe)
    {
        Type = type;
        Namespace = ns;
        Labels = labels;
        Fields = fields;
        this.unsubscribe = unsubscribe;
    }

    public ResourceType Type { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public ChannelReader<WatchEvent> Events => channel.Reader;

    /// <summary>Called under the store lock, so reading the event's object is safe.</summary>
    public bool Wants(WatchEvent e) =>
        e.Type.Group == Type.Group && e.Type.Plural == Type.Plural
        && (Namespace is null || Namespace == e.Namespace)
        && Wants(e.Object);

    public bool Wants(JsonObject obj) => Labels.Matches(obj) && Fields.Matches(obj);

    public void Offer(WatchEvent e) => channel.Writer.TryWrite(e);

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
