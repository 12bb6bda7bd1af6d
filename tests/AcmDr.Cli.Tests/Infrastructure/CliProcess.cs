using System.Diagnostics;
using System.Text;

namespace AcmDr.Cli.Tests.Infrastructure;

/// <summary>
/// The built acmdr run as a real child process (<c>dotnet acmdr.dll</c>, copied beside the tests by
/// the project reference), for what an in-process run cannot show: kill -9, SIGTERM, two runs at once.
/// </summary>
public sealed class CliProcess : IDisposable
{
    /// <summary>Generous bound for "does not hang": a generate here takes about a second.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private CliProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "acmdr.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var child = new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        child.process.OutputDataReceived += (_, e) => Append(child.stdout, e.Data);
        child.process.ErrorDataReceived += (_, e) => Append(child.stderr, e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var child = Start(workingDirectory, environment, args);
        return child.WaitForExit();
    }

    /// <summary>Waits until stderr has a line containing <paramref name="text"/> (the test pause's signal).</summary>
    public void WaitForErr(string text)
    {
        var deadline = Stopwatch.StartNew();
        while (!Err.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || deadline.Elapsed > Bound)
            {
                throw new InvalidOperationException($"'{text}' never came; exited: {process.HasExited}\n{Err}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>kill -9: no handler, no finally block runs.</summary>
    public void KillHard()
    {
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or <c>kill</c> sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public CliResult WaitForExit()
    {
        if (!process.WaitForExit(Bound))
        {
            process.Kill();
            throw new TimeoutException($"acmdr did not finish within {Bound}\n{Err}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, Text(stdout), Text(stderr));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.Dispose();
    }

    private string Err => Text(stderr);

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
