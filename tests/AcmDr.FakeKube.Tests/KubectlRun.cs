using System.Diagnostics;
using System.Text;

namespace AcmDr.FakeKube.Tests;

/// <summary>Runs the real kubectl against a fake server with its own kubeconfig and cache, never longer than a timeout.</summary>
internal sealed class KubectlRun : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("fakekube-kubectl-").FullName;

    public KubectlRun(FakeApiServer server)
    {
        Kubeconfig = Path.Combine(dir, "kubeconfig");
        server.WriteKubeconfig(Kubeconfig);
    }

    public string Kubeconfig { get; }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl and returns once a stdout line satisfies <paramref name="until"/>, then stops it.</summary>
    public async Task<string> StreamUntilAsync(Func<string, bool> until, Func<Task> whenStarted, TimeSpan limit, params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(limit);
        var seen = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            var started = false;
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                if (!started)
                {
                    started = true;
                    await whenStarted();
                }

                if (until(line))
                {
                    return seen.ToString();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // fall through to the failure below
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        string err;
        try
        {
            err = await stderr;
        }
        catch (OperationCanceledException)
        {
            err = "";
        }

        throw new AssertFailedException($"kubectl never printed the expected line.\nstdout:\n{seen}\nstderr:\n{err}");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private Process Start(string[] args)
    {
        var info = new ProcessStartInfo(RequiredTool.Kubectl())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(dir, "cache") }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = dir;
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }
}
