using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AcmDr.Cli.Yaml;

/// <summary>
/// Passes a YAML parser's events on and stops with a <see cref="YamlException"/> at the position of
/// the first collection nested deeper than <see cref="MaxDepth"/>. YamlDotNet's parser itself is a
/// state machine, but everything that builds a tree from its events (YamlStream, the deserializer,
/// the dump reader) recurses once per level, so 100,000 levels would overflow the stack and end the
/// process with no message. Every YAML acmdr reads (dumps, switch file, settings, kubeconfig) goes
/// through this, with the same limit as the JSON dump reader.
/// </summary>
public sealed class DepthLimitedParser(IParser inner) : IParser
{
    public const int MaxDepth = 256;

    private int depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++depth > MaxDepth)
                {
                    var at = inner.Current;
                    throw new YamlException(at.Start, at.End, $"nested deeper than {MaxDepth} levels");
                }

                break;
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        return true;
    }

    /// <summary>A depth-limited parser over <paramref name="text"/>.</summary>
    public static DepthLimitedParser Over(TextReader text) => new(new Parser(text));
}
