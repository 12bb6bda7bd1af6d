using System.Diagnostics;
using System.Text;
using AcmDr.Cli.Tests.Flip;
using AcmDr.FakeKube;
using AcmDr.TestSupport;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Ctrl-C typed on a real terminal (a pseudo-terminal from util-linux's <c>script</c>) while wait waits
/// on a hub: the command ends with exit 130, and the terminal's keys are left as they were. .NET switches
/// the terminal to keypad-transmit mode when a program handles Ctrl-C; without acmdr switching it back,
/// the shell's arrow keys send the wrong codes afterwards.
/// </summary>
[TestClass]
public sealed class TerminalInterruptTests
{
    private const string KeypadTransmit = "\e[?1h";
    private const string KeypadLocal = "\e[?1l";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [TestMethod]
    public async Task Ctrl_c_during_wait_on_a_terminal_leaves_the_terminal_keys_as_they_were()
    {
        var script = RequiredTool.Executable("script");
        await using var hub = await FakeHub.StartAsync();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Server.Faults.Add(FaultRule.Before(null, ".", _ => asked.TrySetResult(), times: null));
        hub.Server.Faults.Add(FaultRule.Hang(null, "."));
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "acmdr.dll"), "wait", "--to", "DR", "--timeout", "5m", "--kubeconfig", hub.Kubeconfig }
            .Select(word => $"'{word}'"));
        var start = new ProcessStartInfo(script)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = hub.Dir.Path,
        };
        foreach (var arg in new[] { "--quiet", "--return", "--flush", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm-256color";
        using var terminal = Process.Start(start)!;
        var output = terminal.StandardOutput.ReadToEndAsync();
        try
        {
            (await Task.WhenAny(asked.Task, Task.Delay(Bound))).Should().Be(asked.Task, "wait should have asked the hub");
            await terminal.StandardInput.WriteAsync('\u0003');
            await terminal.StandardInput.FlushAsync();
            using var ended = new CancellationTokenSource(Bound);
            await terminal.WaitForExitAsync(ended.Token);
        }
        finally
        {
            if (!terminal.HasExited)
            {
                terminal.Kill(entireProcessTree: true);
            }
        }

        var screen = await output;
        terminal.ExitCode.Should().Be(130, Visible(screen));
        screen.Should().Contain("acmdr: cancelled");
        screen.LastIndexOf(KeypadTransmit, StringComparison.Ordinal).Should().BeLessThan(
            screen.LastIndexOf(KeypadLocal, StringComparison.Ordinal) is var local && local >= 0 ? local : 0,
            $"keypad-transmit mode must not be left on: {Visible(screen)}");
    }

    private static string Visible(string screen) => new StringBuilder(screen).Replace("\e", "\\e").ToString();
}
