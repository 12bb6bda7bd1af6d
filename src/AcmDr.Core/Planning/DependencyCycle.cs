namespace AcmDr.Core.Planning;

/// <summary>Finds a cycle in the app dependency graph, so validation can name it.</summary>
public static class DependencyCycle
{
    /// <summary>The apps of one cycle, starting and ending with the same app; null when there is none.</summary>
    public static IReadOnlyList<string>? Find(IReadOnlyDictionary<string, List<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var path = new List<string>();
        var starts = new List<string>(edges.Keys);
        starts.Sort(StringComparer.Ordinal);
        foreach (var start in starts)
        {
            if (Visit(start, edges, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    // Iterative depth-first search: dependency chains in large inventories must not overflow the stack.
    // The stack is two lists (node, next edge to follow), not a stack of tuples: the runtime has no
    // precompiled code for a stack of tuples, and compiling it cost start-up time.
    private static List<string>? Visit(string start, IReadOnlyDictionary<string, List<string>> edges, Dictionary<string, int> state, List<string> path)
    {
        if (state.ContainsKey(start))
        {
            return null;
        }

        var nodes = new List<string> { start };
        var nexts = new List<int> { 0 };
        state[start] = 1;
        path.Add(start);
        while (nodes.Count > 0)
        {
            var top = nodes.Count - 1;
            var node = nodes[top];
            var next = nexts[top];
            var targets = edges.TryGetValue(node, out var list) ? list : [];
            if (next < targets.Count)
            {
                nexts[top] = next + 1;
                var target = targets[next];
                if (state.TryGetValue(target, out var s))
                {
                    if (s == 1)
                    {
                        var from = path.IndexOf(target);
                        return [.. path.Skip(from), target];
                    }

                    continue;
                }

                state[target] = 1;
                path.Add(target);
                nodes.Add(target);
                nexts.Add(0);
            }
            else
            {
                state[node] = 2;
                path.RemoveAt(path.Count - 1);
                nodes.RemoveAt(top);
                nexts.RemoveAt(top);
            }
        }

        return null;
    }
}
