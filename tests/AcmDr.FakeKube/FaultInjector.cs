namespace AcmDr.FakeKube;

/// <summary>The server's fault rules and how often each has matched; safe to change while requests run.</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<(FaultRule Rule, int Matches, int Fired)> rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            rules.Add((rule, 0, 0));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>How many times <paramref name="rule"/> has fired.</summary>
    public int FiredCount(FaultRule rule)
    {
        lock (gate)
        {
            return rules.Where(r => ReferenceEquals(r.Rule, rule)).Sum(r => r.Fired);
        }
    }

    /// <summary>The rules that fire for this request, in the order they were added.</summary>
    internal IReadOnlyList<FaultRule> Fire(string method, string path)
    {
        lock (gate)
        {
            var firing = new List<FaultRule>();
            for (var i = 0; i < rules.Count; i++)
            {
                var (rule, matches, fired) = rules[i];
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                matches++;
                var fires = matches > rule.SkipMatches && (rule.Times is null || fired < rule.Times);
                if (fires)
                {
                    fired++;
                    firing.Add(rule);
                }

                rules[i] = (rule, matches, fired);
            }

            return firing;
        }
    }
}
