namespace AcmDr.Cli.Tests.Isolated;

/// <summary>A thread-safe set of names the simulator consults on each step (a VM, "ns/name", a claim).</summary>
public sealed class NameSet
{
    private readonly Lock gate = new();
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Items
    {
        get
        {
            lock (gate)
            {
                return [.. names.Order(StringComparer.Ordinal)];
            }
        }
    }

    public void Add(params string[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        lock (gate)
        {
            names.UnionWith(more);
        }
    }

    public bool Remove(string name)
    {
        lock (gate)
        {
            return names.Remove(name);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            names.Clear();
        }
    }

    public bool Contains(string name)
    {
        lock (gate)
        {
            return names.Contains(name);
        }
    }

    /// <summary>Whether any of <paramref name="candidates"/> (null ones skipped) is in the set.</summary>
    public bool Names(params string?[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        lock (gate)
        {
            return candidates.Any(c => c is not null && names.Contains(c));
        }
    }
}
