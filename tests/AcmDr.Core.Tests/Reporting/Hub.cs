using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Reporting;

/// <summary>Hand-built policies, switches and scopes as the dump readers and the live hub hand them to Core.</summary>
internal static class Hub
{
    public const string Ns = "acmdr";

    public static readonly DateTimeOffset Now = At(30);

    public static ReportScope Scope(
        string? to = "DR", IReadOnlyList<Workload>? inventory = null, DateTimeOffset? flipAt = null,
        IReadOnlyList<string>? apps = null, IReadOnlyList<int>? tiers = null) =>
        new(DrSettings.Default, Ns, inventory, to, flipAt, apps ?? [], tiers ?? []);

    public static Dictionary<string, string> Map(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>A root policy carrying <paramref name="vms"/> (namespace/name, comma separated), with its clusters' compliance.</summary>
    public static HubPolicy Root(
        string app, int tier, string vms, int? rto = null, string cluster = "stretch-1", string ns = Ns,
        ComplianceState compliance = ComplianceState.Compliant)
    {
        var labels = Map((PolicyNames.ManagedByLabel, PolicyNames.ManagedByValue), (PolicyNames.AppLabel, app),
            (PolicyNames.TierLabel, tier.ToString(System.Globalization.CultureInfo.InvariantCulture)), (PolicyNames.ClusterLabel, cluster));
        var annotations = Map((PolicyNames.VmsAnnotation, vms));
        if (rto is { } minutes)
        {
            annotations[PolicyNames.RtoAnnotation] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new HubPolicy("dr-" + app, ns, labels, annotations, compliance, [(cluster, compliance)], []);
    }

    /// <summary>The copy of <paramref name="root"/> on its cluster, with its site and running templates.</summary>
    public static HubPolicy Replica(
        HubPolicy root, TemplateObservation? site, TemplateObservation? running, string cluster = "stretch-1", string hubNamespace = Ns)
    {
        var labels = new Dictionary<string, string>(root.Labels, StringComparer.Ordinal)
        {
            [PolicyObservations.RootPolicyLabel] = $"{hubNamespace}.{root.Name}",
            [PolicyObservations.ClusterNameLabel] = cluster,
        };
        var templates = new List<(string, TemplateObservation)>();
        if (site is not null)
        {
            templates.Add((PolicyNames.SiteTemplate(root.Name), site));
        }

        if (running is not null)
        {
            templates.Add((PolicyNames.RunningTemplate(root.Name), running));
        }

        return new HubPolicy($"{hubNamespace}.{root.Name}", cluster, labels, root.Annotations,
            running?.Compliance ?? ComplianceState.Unknown, [], templates);
    }

    /// <summary>The running template of VMs <paramref name="names"/> in <paramref name="ns"/>, running since <paramref name="minutesAfterFlip"/>.</summary>
    public static TemplateObservation RunningSince(int minutesAfterFlip, string names, string ns) =>
        Template(ComplianceState.Compliant, Entry(minutesAfterFlip, Running(names, ns)), Entry(minutesAfterFlip - 5, NotRunning(names, ns)));

    public static TemplateObservation NotRunningSince(int minutesAfterFlip, string names, string ns) =>
        Template(ComplianceState.NonCompliant, Entry(minutesAfterFlip, NotRunning(names, ns)));

    public static SwitchReading Switch(params (string Key, string Value)[] data) => new(Map(data), null, "file dump.yaml");

    public static IReadOnlyList<FlipHistoryEntry> Flips(params (int MinutesAfterFlip, string To)[] newestFirst) =>
        newestFirst.Select(f => new FlipHistoryEntry("id", At(f.MinutesAfterFlip), "admin", "Primary", f.To, "site", null)).ToList();

    public static ReportAssembly Assemble(ReportScope scope, IReadOnlyList<HubPolicy> policies, SwitchReading? switchReading = null,
        IReadOnlyList<FlipHistoryEntry>? flips = null, IReadOnlyList<VmGroundTruth>? truth = null) =>
        ReportAssembler.Assemble(scope, new HubSnapshot(policies, switchReading), flips ?? Flips((0, "DR")), truth ?? [], Now);
}
