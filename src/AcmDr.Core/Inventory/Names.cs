using System.Buffers;

namespace AcmDr.Core.Inventory;

/// <summary>Kubernetes name rules the inventory and settings values must follow.</summary>
public static class Names
{
    private static readonly SearchValues<char> LabelChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> LabelValueChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>RFC 1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, at most 63.</summary>
    public static bool IsDns1123Label(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= 63
        && !value.ContainsAnyExcept(LabelChars)
        && value[0] != '-'
        && value[^1] != '-';

    /// <summary>A Kubernetes label value that is not empty: what a site name must be to sit in a node label.</summary>
    public static bool IsLabelValue(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= 63
        && !value.ContainsAnyExcept(LabelValueChars)
        && char.IsAsciiLetterOrDigit(value[0])
        && char.IsAsciiLetterOrDigit(value[^1]);

    /// <summary>A qualified label key: optional DNS subdomain prefix and '/', then a name of at most 63.</summary>
    public static bool IsLabelKey(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? value : value[(slash + 1)..];
        if (!IsLabelValue(name))
        {
            return false;
        }

        if (slash < 0)
        {
            return true;
        }

        var prefix = value[..slash];
        return prefix.Length is > 0 and <= 253 && prefix.Split('.').All(part => IsDns1123Label(part));
    }

    /// <summary>Text that must never reach a manifest or a template: template delimiters or control characters.</summary>
    public static string? UnsafeTextReason(ReadOnlySpan<char> value)
    {
        if (value.Contains("{{", StringComparison.Ordinal) || value.Contains("}}", StringComparison.Ordinal))
        {
            return "contains template delimiters ('{{' or '}}')";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return $"contains a control character (U+{(int)c:X4})";
            }
        }

        return null;
    }
}
