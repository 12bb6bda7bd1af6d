namespace AcmDr.FakeKube;

/// <summary>The server's fault rules and how often each has matched; safe to change while requests run.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Matches, int Fired)> _rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add((rule, 0, 0));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>How many times <paramref name="rule"/> has fired.</summary>
    public int FiredCount(FaultRule rule)
    {
        lock (_gate)
        {
            return _rules.Where(r => ReferenceEquals(r.Rule, rule)).Sum(r => r.Fired);
        }
    }

    /// <summary>The rules that fire for this request, in the order they were added.</summary>
    internal IReadOnlyList<FaultRule> Fire(string method, string path)
    {
        lock (_gate)
        {
            var firing = new List<FaultRule>();
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, matches, fired) = _rules[i];
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

                _rules[i] = (rule, matches, fired);
            }

            return firing;
        }
    }
}
