using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Resolves a plain (unquoted) YAML scalar like kubectl's reader
/// (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1): the widest set of values
/// that silently stop being strings, so the validator flags them all.
/// Timestamps stay strings, as go-yaml v2 keeps them for untyped values.
/// </summary>
public static partial class PlainScalar
{
    private static readonly HashSet<string> Nulls = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    private static readonly HashSet<string> Trues = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
    };

    private static readonly HashSet<string> Falses = new(StringComparer.Ordinal)
    {
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
    };

    public static JsonNode? Resolve(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        if (Nulls.Contains(plain))
        {
            return null;
        }

        if (Trues.Contains(plain))
        {
            return JsonValue.Create(true);
        }

        if (Falses.Contains(plain))
        {
            return JsonValue.Create(false);
        }

        var digits = plain.Replace("_", string.Empty, StringComparison.Ordinal);
        if (TryInteger(digits, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(digits))
        {
            return JsonValue.Create(double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (SpecialFloatPattern().IsMatch(plain))
        {
            throw new FormatException($"the plain scalar {plain} is an infinite or NaN float, which JSON cannot hold");
        }

        return JsonValue.Create(plain);
    }

    private static bool TryInteger(string text, out long value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var negative = text[0] == '-';
        var body = text[0] is '-' or '+' ? text[1..] : text;
        var (radix, number) = body switch
        {
            _ when body.StartsWith("0b", StringComparison.Ordinal) => (2, body[2..]),
            _ when body.StartsWith("0x", StringComparison.Ordinal) => (16, body[2..]),
            _ when body.StartsWith("0o", StringComparison.Ordinal) => (8, body[2..]),
            _ when body.Length > 1 && body[0] == '0' => (8, body[1..]),
            _ => (10, body),
        };
        const string Digits = "0123456789abcdef";
        if (number.Length == 0)
        {
            return false;
        }

        try
        {
            long result = 0;
            foreach (var c in number.ToLowerInvariant())
            {
                var digit = Digits.IndexOf(c, StringComparison.Ordinal);
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                result = checked((result * radix) + digit);
            }

            value = negative ? -result : result;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")]
    private static partial Regex SpecialFloatPattern();
}
