using System.Globalization;

namespace AcmDr.Bench;

/// <summary>What to run: sizes, runs per measurement, where to work, and which CLI build to time.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Sizes,
    int Runs,
    int ReferenceRuns,
    string WorkDirectory,
    string? Cli,
    bool Build)
{
    public static readonly IReadOnlyList<int> DefaultSizes = [1_000, 10_000, 100_000];

    /// <summary>The size of the kustomize reference and the compliance dump, as the issue asks.</summary>
    public const int ReferenceSize = 10_000;

    public const string Usage = """
        usage: AcmDr.Bench [--sizes 1000,10000,100000] [--runs 5] [--reference-runs 3]
                           [--work DIR] [--cli PATH-TO-acmdr] [--no-build]
          --sizes           inventory sizes in VMs (the kustomize and report references need 10000)
          --runs            timed runs per measurement, after one warm-up run
          --reference-runs  timed runs of kubectl kustomize and jq
          --work            scratch directory (default: $TMPDIR/acmdr-bench)
          --cli             time this acmdr executable instead of publishing src/AcmDr.Cli
                            (Release, ReadyToRun for this machine, to artifacts/publish/RID)
          --no-build        do not publish the CLI first
        """;

    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new BenchOptions(DefaultSizes, 5, 3, Path.Combine(Path.GetTempPath(), "acmdr-bench"), null, true);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--sizes" => options with { Sizes = Value().Split(',').Select(Whole).ToList() },
                    "--runs" => options with { Runs = Whole(Value()) },
                    "--reference-runs" => options with { ReferenceRuns = Whole(Value()) },
                    "--work" => options with { WorkDirectory = Path.GetFullPath(Value()) },
                    "--cli" => options with { Cli = Path.GetFullPath(Value()), Build = false },
                    "--no-build" => options with { Build = false },
                    _ => throw new ArgumentException($"unknown option '{args[i]}'"),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                error.WriteLine($"bench: {ex.Message}");
                error.WriteLine(Usage);
                return null;
            }
        }

        return options;
    }

    private static int Whole(string text)
    {
        var value = int.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"'{text}' must be positive");
    }
}
