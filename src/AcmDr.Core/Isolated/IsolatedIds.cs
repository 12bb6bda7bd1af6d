using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AcmDr.Core.Isolated;

/// <summary>Rehearsal ids and the names derived from them (every one a DNS-1123 label of at most 63).</summary>
public static class IsolatedIds
{
    /// <summary>The longest rehearsal id.</summary>
    public const int MaxLength = 16;

    /// <summary>The longest Kubernetes name acmdr derives (a DNS-1123 label).</summary>
    public const int MaxName = 63;

    /// <summary>The characters of the hash that ends a name cut to <see cref="MaxName"/>.</summary>
    public const int HashLength = 8;

    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A new id from the clock and a random source, e.g. "1203-1207-k3f" (month-day, hour-minute UTC, 3 base-36 characters).</summary>
    public static string New(DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var suffix = new string([Base36[random.Next(36)], Base36[random.Next(36)], Base36[random.Next(36)]]);
        return now.UtcDateTime.ToString("MMdd-HHmm", CultureInfo.InvariantCulture) + "-" + suffix;
    }

    /// <summary>Why <paramref name="id"/> cannot be a rehearsal id (lower-case letters, digits and '-', alphanumeric ends, at most 16), or null.</summary>
    public static string? Problem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0)
        {
            return "the rehearsal id is empty";
        }

        if (id.Length > MaxLength)
        {
            return $"rehearsal id '{id}' is {id.Length} characters long: at most {MaxLength}";
        }

        if (!id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return $"rehearsal id '{id}' may hold only lower-case letters, digits and '-'";
        }

        return id[0] == '-' || id[^1] == '-'
            ? $"rehearsal id '{id}' must start and end with a letter or digit"
            : null;
    }

    /// <summary><c>acmdr-test-&lt;id&gt;-&lt;namespace&gt;</c>; cut to 63 with a short hash of the whole when longer.</summary>
    public static string BubbleNamespace(string id, string productionNamespace) => Name($"{IsolatedLabels.NamespacePrefix}{id}-{productionNamespace}");

    /// <summary>The production VirtualMachineSnapshot's name: <c>acmdr-test-&lt;id&gt;-&lt;vm&gt;</c>, cut to 63 with a hash.</summary>
    public static string SnapshotName(string id, string vmName) => Name($"{IsolatedLabels.NamespacePrefix}{id}-{vmName}");

    /// <summary>
    /// <paramref name="whole"/> when it fits in 63 characters; else its first characters (without a trailing '-'),
    /// '-' and the first <see cref="HashLength"/> hex digits of the SHA-256 of the whole, so two long names that
    /// share a beginning still differ.
    /// </summary>
    public static string Name(string whole)
    {
        ArgumentNullException.ThrowIfNull(whole);
        if (whole.Length <= MaxName)
        {
            return whole;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(whole)))[..HashLength];
        return whole[..(MaxName - HashLength - 1)].TrimEnd('-') + "-" + hash;
    }
}
