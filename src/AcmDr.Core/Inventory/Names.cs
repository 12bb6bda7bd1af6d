namespace AcmDr.Core.Inventory;

/// <summary>Kubernetes name rules the inventory and settings values must follow.</summary>
public static class Names
{
    // Plain loops over at most 63 characters, not SearchValues: their vectorised searches have no
    // precompiled code on machines with AVX-512 and were compiled at the start of every command.

    /// <summary>
    /// The valid label a spreadsheet name most likely means (<c>DC-01</c>, <c>dc_01</c>, <c>dc.01</c> become
    /// <c>dc-01</c>): lower case, '_', '.' and spaces as '-', other characters dropped, '-' trimmed at
    /// the ends; null when nothing valid is left or it is longer than 63.
    /// </summary>
    public static string? NearestLabel(string value)
    {
        var chars = value.ToLowerInvariant()
            .Select(c => c is '_' or '.' or ' ' ? '-' : c)
            .Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            .ToArray();
        var near = new string(chars).Trim('-');
        return near.Length > 0 && near != value && IsDns1123Label(near) ? near : null;
    }

    /// <summary>RFC 1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, at most 63.</summary>
    public static bool IsDns1123Label(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 63 || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 1123 subdomain (a cluster-scoped object's name): DNS-1123 labels joined by '.', at most 253.</summary>
    public static bool IsDns1123Subdomain(string value)
    {
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var part in value.Split('.'))
        {
            if (!IsDns1123Label(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A Kubernetes label value that is not empty: what a site name must be to sit in a node label.</summary>
    public static bool IsLabelValue(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 63 || !char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

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

    /// <summary>A value as an error message shows it: control characters as '?', cut at 80 characters.</summary>
    public static string Printable(string value) => ColumnMap.Printable(value);

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
