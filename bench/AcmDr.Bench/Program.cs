using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AcmDr.Bench;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

var output = Console.Out;
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 1;
}

if (!TimedProcess.Available)
{
    Console.Error.WriteLine("bench: /usr/bin/time is missing (apt-get install -y time)");
    return 1;
}

var root = RepoRoot();
// What users run: the ReadyToRun publish for this machine ('make run' and the RID-specific tool package).
var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
var published = Path.Combine(root, "artifacts", "publish", rid);
if (options.Build)
{
    output.WriteLine($"publishing src/AcmDr.Cli in Release, ReadyToRun for {rid} ...");
    using var build = Process.Start("dotnet", ["publish", Path.Combine(root, "src/AcmDr.Cli"), "-c", "Release", "-r", rid, "-o", published, "-nologo", "-v", "q"]);
    build.WaitForExit();
    if (build.ExitCode != 0)
    {
        Console.Error.WriteLine("bench: the Release publish failed");
        return 1;
    }
}

var cli = options.Cli ?? Path.Combine(published, "acmdr");
var work = options.WorkDirectory;
Directory.CreateDirectory(work);
// Outputs of earlier runs are moved aside, not deleted, until every figure is in (see Fresh).
var trash = Path.Combine(work, "trash");
if (Directory.Exists(trash))
{
    Directory.Move(trash, Path.Combine(work, $"trash-{DateTime.UtcNow:yyyyMMddHHmmss}"));
}

Directory.CreateDirectory(trash);
output.WriteLine($"cli {cli}");
output.WriteLine($"work {work}; {options.Runs} runs after a warm-up; {Environment.ProcessorCount} cores; load {Load()}");
output.WriteLine();

var runner = new Runner(output, work);
if (!options.ClusterOnly)
{
    runner.Measure(FigureNames.Version, cli, options.Runs, ["--version"]);

    foreach (var size in options.Sizes)
    {
        var inventory = Path.Combine(work, $"inventory-{size}.csv");
        File.WriteAllText(inventory, SyntheticInventory.Csv(size));
        runner.Measure(FigureNames.Validate(size), cli, options.Runs, ["validate", "-i", inventory]);
        runner.Measure(FigureNames.GenerateFresh(size), cli, options.Runs, run =>
        {
            var dir = Path.Combine(work, $"out-{size}-fresh");
            Fresh(trash, dir);
            return ["generate", "-i", inventory, "--out", dir];
        });
        // The fresh runs leave a complete output behind: every later run finds it up to date.
        runner.Measure(FigureNames.GenerateUpToDate(size), cli, options.Runs, ["generate", "-i", inventory, "--out", Path.Combine(work, $"out-{size}-fresh")]);
        // What CI runs on every change: the same comparison, writing nothing.
        runner.Measure(FigureNames.GenerateCheck(size), cli, options.Runs, ["generate", "-i", inventory, "--out", Path.Combine(work, $"out-{size}-fresh"), "--check"]);
        if (runner.Results.ContainsKey(FigureNames.GenerateFresh(size)))
        {
            var floor = FileWriteFloor.Measure(FigureNames.WriteFloor(size), Path.Combine(work, $"out-{size}-fresh"), Path.Combine(work, "floor"), options.Runs, dir => Fresh(trash, dir));
            runner.Results[floor.Name] = floor;
            output.WriteLine(floor);
        }
    }

    var referenceInventory = Path.Combine(work, $"inventory-{BenchOptions.ReferenceSize}.csv");
    var referenceOutput = Path.Combine(work, $"out-{BenchOptions.ReferenceSize}-fresh");
    if (options.Sizes.Contains(BenchOptions.ReferenceSize) && runner.Results.ContainsKey(FigureNames.GenerateFresh(BenchOptions.ReferenceSize)))
    {
        runner.Measure(FigureNames.Kustomize, "kubectl", options.ReferenceRuns, ["kustomize", Path.Combine(referenceOutput, "policies/base")]);
    }
    else
    {
        output.WriteLine("kustomize reference: needs the 10000 size in --sizes");
    }

    if (!File.Exists(referenceInventory))
    {
        File.WriteAllText(referenceInventory, SyntheticInventory.Csv(BenchOptions.ReferenceSize));
    }

    var plan = PlanBuilder.Build(InventoryReader.Read(referenceInventory, File.ReadAllBytes(referenceInventory), DrSettings.Default), DrSettings.Default);
    var dump = SyntheticPolicyDump.Build(plan);
    var dumpJson = Path.Combine(work, "policies-10k.json");
    var dumpYaml = Path.Combine(work, "policies-10k.yaml");
    using (var json = File.Create(dumpJson))
    using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true, IndentSize = 4 }))
    {
        dump.WriteTo(writer);
    }

    using (var yaml = new StreamWriter(dumpYaml, false, new UTF8Encoding(false)) { NewLine = "\n" })
    {
        DumpYaml.Write(yaml, dump);
    }

    output.WriteLine($"compliance dump: {dump["items"]!.AsArray().Count} policies, json {new FileInfo(dumpJson).Length / 1_000_000.0:F1} MB, yaml {new FileInfo(dumpYaml).Length / 1_000_000.0:F1} MB");
    runner.Measure(FigureNames.Jq, "jq", options.ReferenceRuns, [".items[].status.compliant", dumpJson]);
    if (HasReport(cli))
    {
        // The dump has non-compliant policies, so report exits 1 (not every VM moved): that is its answer, not a failure.
        // --to: a policy dump holds no switch ConfigMap to read the target site from.
        runner.Measure(FigureNames.Report("yaml"), cli, options.Runs, ["report", "-f", dumpYaml, "--to", "DR"], highestSuccess: 1);
        runner.Measure(FigureNames.Report("json"), cli, options.Runs, ["report", "-f", dumpJson, "--to", "DR"], highestSuccess: 1);
    }
    else
    {
        output.WriteLine("report: not available in this build");
    }

    // Before the cluster figures, so that the ratios to kustomize and jq stay among the figures they are about.
    Targets.Print(output, runner.Results);
}

var clusterRuns = new List<ClusterRun>();
if (options.ClusterSizes.Count > 0)
{
    // Commands that send a request per VM can take many minutes at 10k: each run is stopped at a limit and counted as missed.
    runner.Limit = options.ClusterLimit;
    foreach (var size in options.ClusterSizes)
    {
        clusterRuns.Add(await ClusterFigures.RunAsync(output, runner, cli, work, size, options.ClusterRuns, options.ClusterLatency));
    }

    runner.Limit = null;
}

ClusterTargets.Print(output, runner, clusterRuns);
foreach (var old in Directory.EnumerateDirectories(work, "trash*").Append(Path.Combine(work, "floor")).Where(Directory.Exists))
{
    Directory.Delete(old, recursive: true);
}

return 0;

static string RepoRoot()
{
    for (var dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
    {
        if (File.Exists(Path.Combine(dir, "AcmDr.sln")))
        {
            return dir;
        }
    }

    throw new InvalidOperationException("run the benchmark from inside the acmdr repository");
}

// An empty folder for a timed run. The previous run's output is moved into the trash, not deleted:
// on an ext4 without a journal (this machine's root) a new file skips every inode deleted in the
// last minute or more (ext4 find_inode_bit / recently_deleted, found with perf), so deleting 11,000
// files and creating 11,000 at once costs seconds of kernel time that come from the benchmark's
// own clean-up, not from generating. The trash goes after the last figure.
static void Fresh(string trash, string dir)
{
    if (Directory.Exists(dir))
    {
        Directory.Move(dir, Path.Combine(trash, $"{Path.GetFileName(dir)}-{Guid.NewGuid():N}"));
    }

    Directory.CreateDirectory(dir);
    // Flush the previous run's 200 MB (at 100k VMs) now, untimed, so that the kernel's write-back
    // of one run does not land in the next run's figure.
    using var sync = Process.Start("sync");
    sync.WaitForExit();
}

static bool HasReport(string cli)
{
    var start = new ProcessStartInfo(cli, ["--help"]) { RedirectStandardOutput = true, UseShellExecute = false };
    using var process = Process.Start(start)!;
    var help = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return help.Split('\n').Any(line => line.TrimStart().StartsWith("report ", StringComparison.Ordinal));
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
