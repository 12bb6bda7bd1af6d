using System.Text.RegularExpressions;

namespace AcmDr.FakeKube;

/// <summary>
/// A programmable fault: requests whose method and path match fire it, after the first
/// <see cref="SkipMatches"/> matches and at most <see cref="Times"/> times (null: always).
/// </summary>
public sealed class FaultRule
{
    public required FaultKind Kind { get; init; }

    /// <summary>HTTP method to match (GET, PATCH, ...); null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Regular expression searched for in the request path (no query string).</summary>
    public required string PathPattern { get; init; }

    public int SkipMatches { get; init; }

    public int? Times { get; init; }

    public int StatusCode { get; init; } = 500;

    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    public Action<ObjectStore>? Callback { get; init; }

    public static FaultRule Status(string? method, string pathPattern, int statusCode, TimeSpan? retryAfter = null, int? times = null) =>
        new() { Kind = FaultKind.RespondWithStatus, Method = method, PathPattern = pathPattern, StatusCode = statusCode, RetryAfter = retryAfter, Times = times };

    public static FaultRule Slow(string? method, string pathPattern, TimeSpan delay, int? times = null) =>
        new() { Kind = FaultKind.Delay, Method = method, PathPattern = pathPattern, Delay = delay, Times = times };

    public static FaultRule DropBefore(string? method, string pathPattern, int? times = 1) =>
        new() { Kind = FaultKind.DropBeforeHandling, Method = method, PathPattern = pathPattern, Times = times };

    public static FaultRule DropAfter(string? method, string pathPattern, int? times = 1) =>
        new() { Kind = FaultKind.DropAfterHandling, Method = method, PathPattern = pathPattern, Times = times };

    public static FaultRule Hang(string? method, string pathPattern, int? times = null) =>
        new() { Kind = FaultKind.Hang, Method = method, PathPattern = pathPattern, Times = times };

    public static FaultRule Before(string? method, string pathPattern, Action<ObjectStore> callback, int? times = 1) =>
        new() { Kind = FaultKind.RunBeforeHandling, Method = method, PathPattern = pathPattern, Callback = callback, Times = times };

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && Regex.IsMatch(path, PathPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}
