using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using k8s.KubeConfigModels;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Runs a kubeconfig <c>exec</c> credential plugin as kubectl does (args passed as written, <c>env</c>
/// added, <c>KUBERNETES_EXEC_INFO</c> set, not interactive so no standard input), but bounded: a plugin
/// that has not answered within the wait is killed with its whole process tree, and every failure is
/// one line naming the plugin and the start of what it wrote on stderr. KubernetesClient's runner
/// joins the arguments with spaces, waits two minutes on a process-wide setting and leaves the plugin
/// running, so acmdr does not use it.
/// </summary>
public sealed class ExecCredentialPlugin
{
    private const int MaxOutputBytes = 1 << 20;
    private const int MaxErrorBytes = 64 << 10;

    private readonly ExternalExecution exec;
    private readonly string command;
    private readonly string execInfo;
    private readonly TimeSpan wait;
    private readonly TimeProvider clock;

    public ExecCredentialPlugin(ExternalExecution exec, string userName, string kubeconfigDirectory, ServerTrust cluster, ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(exec);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(settings);
        this.exec = exec;
        wait = settings.ExecTimeout;
        clock = settings.Clock;
        var command = exec.Command ?? "";

        // As kubectl: a command with a path separator is a path, relative to the kubeconfig's folder; a bare name is looked up on PATH.
        this.command = command.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(command, kubeconfigDirectory) : command;
        Describe = $"{cluster.Role}: exec credential plugin '{StatusText.Clean(command)}' of user '{StatusText.Clean(userName)}'";
        if (command.Length == 0)
        {
            throw Failure("names no command");
        }

        if (exec.ApiVersion is not ("client.authentication.k8s.io/v1" or "client.authentication.k8s.io/v1beta1"))
        {
            throw Failure($"has apiVersion '{StatusText.Clean(exec.ApiVersion)}'; kubectl and acmdr accept client.authentication.k8s.io/v1 and v1beta1");
        }

        execInfo = ExecInfo(exec, cluster);
    }

    /// <summary>How errors name the plugin: role, command and user.</summary>
    public string Describe { get; }

    public ExecCredential Run() => RunAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<ExecCredential> RunAsync(CancellationToken cancel)
    {
        using var process = new Process { StartInfo = StartInfo() };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var hint = string.IsNullOrWhiteSpace(exec.InstallHint) ? "" : $" ({Excerpt(exec.InstallHint)})";
            throw Failure($"could not be started: {StatusText.Clean(ex.Message)}{hint}");
        }

        process.StandardInput.Close();
        var output = ReadBoundedAsync(process.StandardOutput.BaseStream, MaxOutputBytes);
        var errors = ReadBoundedAsync(process.StandardError.BaseStream, MaxErrorBytes);
        using var deadline = new CancellationTokenSource(wait, clock);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancel);
        try
        {
            await process.WaitForExitAsync(both.Token).ConfigureAwait(false);

            // A plugin that exits but leaves a child holding its output open must not hold acmdr either.
            await Task.WhenAll(output, errors).WaitAsync(both.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            cancel.ThrowIfCancellationRequested();
            await DrainedAsync(errors).ConfigureAwait(false);
            throw Failure($"did not answer within {Seconds(wait)}; it was stopped with its child processes{Stderr(errors)}");
        }

        var (stdout, overflow) = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw Failure($"failed with exit code {process.ExitCode}{Stderr(errors)}");
        }

        return overflow
            ? throw Failure($"printed more than {MaxOutputBytes >> 20} MiB")
            : ExecCredentialOutput.Parse(stdout, exec.ApiVersion, this);
    }

    internal AcmDrException Failure(string what) => new(ExitCodes.ClusterUnavailable, $"{Describe} {what}");

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in exec.Arguments ?? [])
        {
            start.ArgumentList.Add(argument ?? "");
        }

        foreach (var variable in exec.EnvironmentVariables ?? [])
        {
            if (variable is null || !variable.TryGetValue("name", out var name) || string.IsNullOrEmpty(name))
            {
                throw Failure("has an env entry without a name");
            }

            start.Environment[name] = variable.GetValueOrDefault("value") ?? "";
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = execInfo;
        return start;
    }

    /// <summary>The ExecCredential request kubectl gives a plugin: not interactive, the cluster only when asked for.</summary>
    private static string ExecInfo(ExternalExecution exec, ServerTrust cluster)
    {
        var spec = new JsonObject { ["interactive"] = false };
        if (exec.ProvideClusterInfo)
        {
            var info = new JsonObject { ["server"] = cluster.Server };
            if (cluster.VerifiedHost != ServerTrust.UrlHost(cluster.Server))
            {
                info["tls-server-name"] = cluster.VerifiedHost;
            }

            if (cluster.SkipVerify)
            {
                info["insecure-skip-tls-verify"] = true;
            }

            if (cluster.AuthorityPem is { } pem)
            {
                info["certificate-authority-data"] = Convert.ToBase64String(pem);
            }

            spec["cluster"] = info;
        }

        return new JsonObject { ["apiVersion"] = exec.ApiVersion, ["kind"] = "ExecCredential", ["spec"] = spec }.ToJsonString();
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone, or not ours to kill any more: nothing left to stop.
        }
    }

    /// <summary>Once the plugin is killed its stderr ends; a short bound in case something else still holds it.</summary>
    private async Task DrainedAsync(Task errors)
    {
        try
        {
            await errors.WaitAsync(TimeSpan.FromSeconds(2), clock).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Then the message goes without the plugin's words.
        }
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes and drains the rest, so a chatty plugin never blocks on a full pipe.</summary>
    private static async Task<(byte[] Bytes, bool Overflow)> ReadBoundedAsync(Stream stream, int limit)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16 << 10];
        var overflow = false;
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = limit - (int)kept.Length;
            kept.Write(buffer, 0, Math.Min(room, read));
            overflow |= read > room;
        }

        return (kept.ToArray(), overflow);
    }

    /// <summary>": " and the first lines the plugin wrote on stderr, cleaned of terminal escapes and cut short.</summary>
    private static string Stderr(Task<(byte[] Bytes, bool Overflow)> errors)
    {
        if (!errors.IsCompletedSuccessfully)
        {
            return "";
        }

        var text = Excerpt(Encoding.UTF8.GetString(errors.Result.Bytes));
        return text.Length == 0 ? " (nothing on stderr)" : $": {text}";
    }

    private static string Excerpt(string text)
    {
        var lines = text.Split('\n').Select(StatusText.Clean).Where(l => l.Length > 0).Take(3);
        var joined = string.Join(" / ", lines);
        return joined.Length > 300 ? joined[..300] + "..." : joined;
    }

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds >= 1 ? $"{wait.TotalSeconds:0.#} s" : $"{wait.TotalMilliseconds:0} ms";
}
