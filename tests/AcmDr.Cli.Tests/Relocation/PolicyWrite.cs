namespace AcmDr.Cli.Tests.Relocation;

/// <summary>One write the test's configuration-policy controller made on the managed cluster: "create" or "merge".</summary>
public sealed record PolicyWrite(int Step, DateTimeOffset At, string Policy, string Template, string Action, string Kind, string Namespace, string Name);
