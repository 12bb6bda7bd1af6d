namespace AcmDr.Cli.Managed;

/// <summary>Target and bounds of one relocation run.</summary>
public sealed record RelocationLimits(string Site, string SiteLabel, int MaxParallel, TimeSpan Timeout, TimeSpan PollInterval);
