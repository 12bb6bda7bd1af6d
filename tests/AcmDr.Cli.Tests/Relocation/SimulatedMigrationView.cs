using AcmDr.Cli.Tests.Managed;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>A simulated migration as the relocation tests compare them: which instance, when it appeared and ended, how.</summary>
public sealed record SimulatedMigrationView(string Name, string Vmi, DateTimeOffset Seen, DateTimeOffset? Ended, string Phase)
{
    public static IReadOnlyList<SimulatedMigrationView> Of(IEnumerable<SimulatedMigration> migrations) =>
        [.. migrations.Select(m => new SimulatedMigrationView(m.Name, m.VmiName, m.Seen, m.Ended, m.Phase))];
}
