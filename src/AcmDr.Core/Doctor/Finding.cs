namespace AcmDr.Core.Doctor;

/// <summary>How a finding weighs: only <see cref="Fail"/> makes <c>acmdr doctor</c> exit non-zero.</summary>
public enum FindingLevel
{
    Ok,
    Warn,
    Fail,
}

/// <summary>One line of <c>acmdr doctor</c>: what was found about which object and, unless it is fine, how to fix it.</summary>
public sealed record Finding(FindingLevel Level, string Text, string? Fix = null)
{
    public static Finding Ok(string text) => new(FindingLevel.Ok, text);

    public static Finding Warn(string text, string fix) => new(FindingLevel.Warn, text, fix);

    public static Finding Fail(string text, string fix) => new(FindingLevel.Fail, text, fix);

    /// <summary>The line as printed: a prefix of one width, so the texts line up, then the fix after <c>; fix:</c>.</summary>
    public string Line => Level switch
    {
        FindingLevel.Ok => "ok   ",
        FindingLevel.Warn => "warn ",
        _ => "fail ",
    } + Text + (Fix is null ? string.Empty : "; fix: " + Fix);
}
