namespace AcmDr.Cli.Tests.Support;

/// <summary>Builds tests/gotmpl once per test run, in GOPATH mode (no module proxy here).</summary>
internal static class GoTemplateBuild
{
    private const string DebianGoPath = "/usr/share/gocode";

    public static string Build()
    {
        var go = RequiredTool.Go();
        var root = SharedDir.RepoRoot ?? throw new InvalidOperationException("AcmDr.sln not found above the test binaries");
        var source = Path.Combine(root, "tests", "gotmpl");
        var goPaths = new List<string>();
        if (Environment.GetEnvironmentVariable("GOPATH") is { Length: > 0 } userGoPath)
        {
            goPaths.AddRange(userGoPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        goPaths.Add(DebianGoPath);
        if (!goPaths.Any(p => Directory.Exists(Path.Combine(p, "src", "gopkg.in", "yaml.v3"))))
        {
            RequiredTool.Missing("gopkg.in/yaml.v3 in GOPATH (Debian package golang-gopkg-yaml.v3-dev)");
        }

        var work = Directory.CreateTempSubdirectory("acmdr-gotmpl-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(work);
        goPaths.Add(Path.Combine(work, "gopath"));
        var binary = Path.Combine(work, "gotmpl");
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = string.Join(Path.PathSeparator, goPaths),
            ["GOFLAGS"] = string.Empty,
        };
        if (Environment.GetEnvironmentVariable("GOCACHE") is null && Environment.GetEnvironmentVariable("HOME") is null)
        {
            environment["GOCACHE"] = Path.Combine(work, "cache");
        }

        var (exitCode, stdout, stderr) = ProcessRunner.Run(
            go, ["build", "-o", binary, "."], null, source, environment, GoTemplate.BuildTimeLimit);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"go build of tests/gotmpl failed (exit {exitCode}):\n{stdout}{stderr}");
        }

        return binary;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
