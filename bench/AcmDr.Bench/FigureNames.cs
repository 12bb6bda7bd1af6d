using System.Globalization;

namespace AcmDr.Bench;

/// <summary>The names figures are printed and looked up under.</summary>
internal static class FigureNames
{
    public const string Version = "acmdr --version";
    public const string Kustomize = "kubectl kustomize policies/base (10k)";
    public const string Jq = "jq .items[].status.compliant (10k json)";

    public static string Validate(int size) => Invariant($"acmdr validate {size / 1000}k");

    public static string GenerateFresh(int size) => Invariant($"acmdr generate {size / 1000}k (empty dir)");

    public static string GenerateUpToDate(int size) => Invariant($"acmdr generate {size / 1000}k (up to date)");

    public static string GenerateCheck(int size) => Invariant($"acmdr generate --check {size / 1000}k");

    public static string WriteFloor(int size) => Invariant($"floor: write the {size / 1000}k output's files");

    public static string Report(string format) => $"acmdr report -f (10k {format})";

    public static string ClusterList(int size) => Invariant($"LIST of every VM, curl ({size / 1000}k)");

    public static string BreakGlassDryRun(int size) => Invariant($"acmdr breakglass --dry-run ({size / 1000}k)");

    public static string BreakGlass(int size) => Invariant($"acmdr breakglass, all patched ({size / 1000}k)");

    public static string RelocateDryRun(int size) => Invariant($"acmdr relocate --dry-run ({size / 1000}k)");

    public static string ReportWithoutGroundTruth(int size) => Invariant($"acmdr report -f, one cluster ({size / 1000}k)");

    public static string ReportGroundTruth(int size) => Invariant($"acmdr report -f --managed-kubeconfig ({size / 1000}k)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
