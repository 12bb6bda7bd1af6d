using System.IO.Enumeration;
using AcmDr.Core;

namespace AcmDr.Cli.Output;

/// <summary>
/// One walk of the folders acmdr writes and prunes in an output root: the YAML files there (pruning
/// candidates), the temporary files and staging folders earlier runs left, and the symbolic links.
/// </summary>
/// <remarks>
/// Any symbolic link in those folders (or one of them being a link) is refused, wherever it points:
/// a link leading out of the root made generate write and delete outside it, and one staying inside
/// would make two paths one file, which pruning and the marker check cannot reason about. The walk
/// never descends into a link, nor into a dot-folder (acmdr writes none; <c>.git</c> stays unread).
/// The root itself may be a link: the user chose it.
/// </remarks>
public sealed class TreeScan
{
    private const int MaxNamed = 3;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private TreeScan(string root) => Root = root;

    public string Root { get; }

    /// <summary>Every <c>*.yaml</c> file, relative to the root with '/' separators.</summary>
    public List<string> Yaml { get; } = [];

    /// <summary>Temporary files and staging folders of earlier runs (full paths): acmdr's own names only.</summary>
    public List<string> Leftovers { get; } = [];

    public List<string> Links { get; } = [];

    /// <summary>Walks <paramref name="owned"/> (folders relative to <paramref name="root"/>; "" is the whole root).</summary>
    public static TreeScan Of(string root, IReadOnlyList<string> owned)
    {
        var scan = new TreeScan(root);
        if (!Directory.Exists(root))
        {
            return scan;
        }

        foreach (var entry in Entries(root))
        {
            if (!entry.IsLink && (entry.IsDirectory ? IsStagingFolder(entry.Name) : entry.Name == CommitJournal.TempName))
            {
                scan.Leftovers.Add(entry.Path);
            }
        }

        foreach (var folder in owned)
        {
            var path = folder.Length == 0 ? root : Path.Combine(root, folder);
            var info = new DirectoryInfo(path);
            if (folder.Length > 0 && info.LinkTarget is not null)
            {
                scan.Links.Add(path);
            }
            else if (info.Exists)
            {
                scan.Walk(path);
            }
        }

        return scan;
    }

    /// <summary>Refuses (exit 2) when the walk met a link: checked before anything is written.</summary>
    public void RefuseLinks(Func<string, string> show)
    {
        if (Links.Count == 0)
        {
            return;
        }

        Links.Sort(StringComparer.Ordinal);
        var more = Links.Count > MaxNamed ? $" (and {Links.Count - MaxNamed} more)" : string.Empty;
        throw new AcmDrException(ExitCodes.InvalidInput,
            $"refused: {string.Join(", ", Links.Take(MaxNamed).Select(l => $"'{show(l)}'"))}{more} is a symbolic link; acmdr writes only real files and folders in its output folders (it never follows a link out of the tree): replace it with a real folder or file; nothing was changed");
    }

    /// <summary>Removes what earlier runs left (this run holds the lock, so their owners are gone).</summary>
    public void RemoveLeftovers()
    {
        foreach (var path in Leftovers)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Best effort: it is named as ours, and the next run tries again.
            }
        }
    }

    /// <summary>The temporary name of a file staged beside its target (also recognised as a leftover).</summary>
    public static string TempFileName(string fileName) => $".{fileName}.acmdr-{Environment.ProcessId}.tmp";

    private void Walk(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out var dir))
        {
            foreach (var entry in Entries(dir))
            {
                if (entry.IsLink)
                {
                    Links.Add(entry.Path);
                }
                else if (entry.IsDirectory)
                {
                    // Staging folders are only made in the root, and found by the root's own listing.
                    if (!entry.Name.StartsWith('.'))
                    {
                        pending.Push(entry.Path);
                    }
                }
                else if (IsTempFile(entry.Name))
                {
                    Leftovers.Add(entry.Path);
                }
                else if (entry.Name.EndsWith(".yaml", StringComparison.Ordinal))
                {
                    Yaml.Add(Path.GetRelativePath(Root, entry.Path).Replace(Path.DirectorySeparatorChar, '/'));
                }
            }
        }
    }

    public static bool IsTempFileName(string name) => IsTempFile(name);

    /// <summary>Whether a root-relative path ('/' separators) lies in a staging folder.</summary>
    public static bool IsInStagingFolder(string relative) => IsStagingFolder(relative.Split('/')[0]) && relative.Contains('/', StringComparison.Ordinal);

    private static FileSystemEnumerable<Entry> Entries(string dir) =>
        new(dir, static (ref FileSystemEntry e) => new Entry(
            e.ToFullPath(), e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false });

    /// <summary><c>.NAME.acmdr-PID.tmp</c> (a string test, not a regular expression: loading the regex engine cost start-up time).</summary>
    private static bool IsTempFile(string name)
    {
        const string Tag = ".acmdr-";
        if (!name.StartsWith('.') || !name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return false;
        }

        var tag = name.LastIndexOf(Tag, StringComparison.Ordinal);
        return tag > 1 && AllDigits(name.AsSpan(tag + Tag.Length, name.Length - 4 - tag - Tag.Length));
    }

    /// <summary><c>.acmdr-PID-RANDOM.tmp</c>, RANDOM eight lowercase hexadecimal digits.</summary>
    private static bool IsStagingFolder(string name)
    {
        const string Tag = ".acmdr-";
        if (!name.StartsWith(Tag, StringComparison.Ordinal) || !name.EndsWith(".tmp", StringComparison.Ordinal) || name.Length < Tag.Length + 1 + 1 + 8 + 4)
        {
            return false;
        }

        var middle = name.AsSpan(Tag.Length, name.Length - Tag.Length - 4);
        var random = middle[^8..];
        return middle[^9] == '-' && AllDigits(middle[..^9]) && !random.ContainsAnyExcept(LowerHex);
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');

    private sealed record Entry(string Path, string Name, bool IsDirectory, bool IsLink);
}
