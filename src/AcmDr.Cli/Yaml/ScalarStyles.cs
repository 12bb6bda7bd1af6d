using System.Buffers;
using YamlDotNet.Core;

namespace AcmDr.Cli.Yaml;

/// <summary>
/// Chooses how a string is written so that Go's YAML readers (yaml.v2 in kubectl, yaml.v3 in ACM)
/// read it back as the same string: bare only when it cannot be taken for a bool, number, null or
/// timestamp (YAML 1.1 rules included: yes/no/on/off), quoted otherwise; multi-line text as a
/// literal block only when no line ends in whitespace (else yaml.v3 would re-quote it on the hub).
/// </summary>
public static class ScalarStyles
{
    private static readonly SearchValues<char> PlainChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/:, ()+=@");

    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    public static ScalarStyle For(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return IsLiteralSafe(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        // A span loop, not LINQ: every scalar of every file passes here (millions for 100,000 VMs).
        if (HasControl(value))
        {
            return ScalarStyle.DoubleQuoted;
        }

        return IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.SingleQuoted;
    }

    public static bool IsPlainSafe(string value)
    {
        // The reserved words are at most five letters: no need to hash a long hub template to know.
        if (value.Length == 0 || (value.Length <= 5 && ReservedWords.Contains(value)) || value.AsSpan().ContainsAnyExcept(PlainChars))
        {
            return false;
        }

        var startsWell = char.IsAsciiLetter(value[0])
            || value[0] == '/'
            || value.StartsWith("./", StringComparison.Ordinal)
            || value.StartsWith("../", StringComparison.Ordinal);
        return startsWell
            && value[^1] is not (' ' or ':')
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal);
    }

    private static bool IsLiteralSafe(string value)
    {
        if (value.StartsWith(' ') || value.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.EndsWith(' ') || line.EndsWith('\t') || HasControl(line, except: '\t'))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            rest = rest[(end + 1)..];
        }
    }

    private static bool HasControl(ReadOnlySpan<char> text, char except = '\0')
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != except)
            {
                return true;
            }
        }

        return false;
    }
}
