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
    /// <summary>Sizes of the fake managed cluster the cluster figures run against (empty: none).</summary>
    public IReadOnlyList<int> ClusterSizes { get; init; } = DefaultClusterSizes;

    /// <summary>Timed runs of each cluster figure, after one warm-up run.</summary>
    public int ClusterRuns { get; init; } = 3;

    /// <summary>How long one run of a cluster command may take before it is stopped and counted as missed.</summary>
    public TimeSpan ClusterLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the fake API server takes to answer each request: the round trip to a cluster at
    /// another site (tens of ms), which a request per VM pays ten thousand times and a LIST once.
    /// </summary>
    public TimeSpan ClusterLatency { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Only the cluster figures: no generate, validate, report -f or --version.</summary>
    public bool ClusterOnly { get; init; }

    public static readonly IReadOnlyList<int> DefaultClusterSizes = [1_000, 10_000];

    public static readonly IReadOnlyList<int> DefaultSizes = [1_000, 10_000, 100_000];

    /// <summary>The size of the kustomize reference and the compliance dump, as the issue asks.</summary>
    public const int ReferenceSize = 10_000;

    public const string Usage = """
        usage: AcmDr.Bench [--sizes 1000,10000,100000] [--runs 5] [--reference-runs 3]
                           [--work DIR] [--cli PATH-TO-acmdr] [--no-build]
                           [--cluster-only | --no-cluster] [--cluster-sizes 1000,10000]
                           [--cluster-runs 3] [--cluster-timeout 60] [--cluster-latency 10]
          --sizes           inventory sizes in VMs (the kustomize and report references need 10000)
          --runs            timed runs per measurement, after one warm-up run
          --reference-runs  timed runs of kubectl kustomize and jq
          --work            scratch directory (default: $TMPDIR/acmdr-bench)
          --cli             time this acmdr executable instead of publishing src/AcmDr.Cli
                            (Release, ReadyToRun for this machine, to artifacts/publish/RID)
          --no-build        do not publish the CLI first
          --cluster-only    only the cluster figures (breakglass, relocate, report ground truth
                            against the fake API server)
          --cluster-sizes   VMs on the fake managed cluster (default 1000,10000)
          --cluster-runs    timed runs per cluster figure (default 3)
          --cluster-timeout seconds one run of a cluster command may take before it is
                            stopped and counted as missed (default 60)
          --cluster-latency milliseconds the fake API server waits before each answer, a
                            round trip between sites (default 10; 0: none)
          --no-cluster      no cluster figures
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
                    "--cluster-only" => options with { ClusterOnly = true },
                    "--no-cluster" => options with { ClusterSizes = [] },
                    "--cluster-sizes" => options with { ClusterSizes = Value().Split(',').Select(Whole).ToList() },
                    "--cluster-runs" => options with { ClusterRuns = Whole(Value()) },
                    "--cluster-timeout" => options with { ClusterLimit = TimeSpan.FromSeconds(Whole(Value())) },
                    "--cluster-latency" => options with { ClusterLatency = TimeSpan.FromMilliseconds(int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture)) },
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
