using AcmDr.Core;
using AcmDr.Core.Compliance;
using k8s.KubeConfigModels;

namespace AcmDr.Cli.Hub;

/// <summary>
/// The kubeconfig a command reads, merged from its files as kubectl merges them. <c>--kubeconfig</c>
/// names one file, which must exist; else <c>$KUBECONFIG</c> lists files (split on the path separator;
/// empty entries, repeats and missing files skipped), else <c>~/.kube/config</c>. Per name of a
/// cluster, user or context the first file defining it wins; current-context comes from the first
/// file that sets one. Each entry keeps the file it came from: its relative paths resolve against
/// that file's folder, and an error in it names that file.
/// </summary>
internal sealed class MergedKubeconfig
{
    private readonly Dictionary<object, string> origins;

    private MergedKubeconfig(K8SConfiguration config, IReadOnlyList<string> files, Dictionary<object, string> origins)
    {
        Config = config;
        Files = files;
        this.origins = origins;
    }

    /// <summary>The merged contexts, clusters and users in file order: the first of a name is the one that counts.</summary>
    public K8SConfiguration Config { get; }

    /// <summary>The files read, as the user named them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The files as an error names them: one path, or the list.</summary>
    public string Shown => string.Join(", ", Files);

    /// <summary>The file that defined a context, cluster or user of <see cref="Config"/>.</summary>
    public string FileOf(object entry) => origins[entry];

    /// <summary>The folder relative paths of a cluster or user resolve against: that of the file defining it.</summary>
    public string DirectoryOf(object entry) => Path.GetDirectoryName(Path.GetFullPath(FileOf(entry))) ?? ".";

    /// <summary>The files to read, in order; one line with exit code 3 when there is none.</summary>
    public static IReadOnlyList<string> Find(string? kubeconfig, Func<string, string?> environment, string role)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (kubeconfig is not null)
        {
            return Exists(kubeconfig) ? [kubeconfig] : throw NotFound(role, kubeconfig);
        }

        var listed = environment("KUBECONFIG");
        if (string.IsNullOrEmpty(listed))
        {
            var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
            return Exists(home) ? [home] : throw NotFound(role, home);
        }

        return FromList(listed, "$KUBECONFIG", role);
    }

    /// <summary>The files of a list as $KUBECONFIG writes it, <paramref name="source"/> naming the list in an error.</summary>
    public static IReadOnlyList<string> FromList(string listed, string source, string role)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var entries = listed.Split(Path.PathSeparator).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var present = entries.Where(Exists).ToList();
        return present.Count > 0 ? present
            : entries.Count == 1 ? throw NotFound(role, entries[0])
            : throw new AcmDrException(ExitCodes.ClusterUnavailable,
                $"{role}: no kubeconfig of {source} found ({(entries.Count == 0 ? "it names none" : string.Join(", ", entries))})");
    }

    /// <summary>Reads and merges <paramref name="files"/>, telling <paramref name="reading"/> each file before reading it.</summary>
    public static MergedKubeconfig Load(IReadOnlyList<string> files, Action<string> reading)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(reading);
        var origins = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        var contexts = new List<Context>();
        var clusters = new List<k8s.KubeConfigModels.Cluster>();
        var users = new List<User>();
        string? currentContext = null;
        foreach (var file in files)
        {
            reading(file);
            if (files.Count > 1 && new FileInfo(file).Length == 0)
            {
                continue; // kubectl reads an empty file of the list as an empty kubeconfig
            }

            var config = ClusterConnection.LoadKubeconfig(file);
            Add(contexts, config.Contexts, file, origins);
            Add(clusters, config.Clusters, file, origins);
            Add(users, config.Users, file, origins);
            currentContext = string.IsNullOrEmpty(currentContext) ? config.CurrentContext : currentContext;
        }

        var merged = new K8SConfiguration { CurrentContext = currentContext, Contexts = contexts, Clusters = clusters, Users = users };
        return new MergedKubeconfig(merged, files, origins);
    }

    private static void Add<T>(List<T> all, IEnumerable<T>? entries, string file, Dictionary<object, string> origins)
        where T : class
    {
        foreach (var entry in entries ?? [])
        {
            all.Add(entry);
            if (entry is not null)
            {
                origins.TryAdd(entry, file);
            }
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static AcmDrException NotFound(string role, string path) =>
        new(ExitCodes.ClusterUnavailable, $"{role}: kubeconfig '{StatusText.Clean(path)}' not found");
}
