using System.Text;
using AcmDr.Cli.Tests.Infrastructure;

namespace AcmDr.Cli.Tests.Hostile;

/// <summary>
/// Inputs a hostile tester tries on validate, generate and report -f: folders, binary and broken text
/// where files are expected, settings of the wrong shape, bad option values. Each must be one line on
/// stderr naming what is wrong, with its exit code, and never a stack trace. The CLI runs as a child
/// process, so an unhandled exception shows as what users would see.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private static readonly byte[] Utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Inventories.Example)).Append((byte)0x41).ToArray();

    private static readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal)
    {
        ["bad-utf8.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  data:\n    site: \"D").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("R\"\n")).ToArray(),
        ["bad-utf8.json"] = Encoding.UTF8.GetBytes("{\"items\":[{\"kind\":\"ConfigMap\",\"data\":{\"site\":\"D").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("R\"}}]}")).ToArray(),
        ["surrogate.json"] = Encoding.UTF8.GetBytes("{\"items\":[{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"acmdr-sites\",\"namespace\":\"acmdr\"},\"data\":{\"site\":\"\\ud800\"}}]}"),
        ["binary.yaml"] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00],
        ["utf16.csv"] = Utf16,
        ["bad-utf8.csv"] = Encoding.UTF8.GetBytes(Inventories.Header + "\nweb,1,web,web-").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(",c1,,\n")).ToArray(),
        ["list-key.yaml"] = Encoding.UTF8.GetBytes("[a]: b\n"),
        ["map-key.yaml"] = Encoding.UTF8.GetBytes("? {a: b}\n: c\n"),
        ["two-documents.yaml"] = Encoding.UTF8.GetBytes("--- {}\n--- [1]\n"),
        ["bad-utf8-settings.yaml"] = Encoding.UTF8.GetBytes("hubNamespace: a").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("b\n")).ToArray(),
        ["dump.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: List\nitems: []\n"),
    };

    /// <summary>Name, command line (run in a folder holding the files above, a folder 'folder' and inventory/apps.csv), exit code, a part of the line.</summary>
    public static IEnumerable<object[]> Corpus =>
    [
        ["dump is a folder", new[] { "report", "-f", "folder", "--to", "DR" }, 2, "folder: is a folder"],
        ["dump missing", new[] { "report", "-f", "nowhere.yaml", "--to", "DR" }, 2, "nowhere.yaml: dump file not found"],
        ["dump named with a newline and an escape", new[] { "report", "-f", "a\nb\u001b[31m.yaml", "--to", "DR" }, 2, "a b.yaml: dump file not found"],
        ["inventory named with a newline", new[] { "validate", "-i", "x\ny.csv" }, 2, "x y.csv: inventory file not found"],
        ["site with a newline", new[] { "report", "-f", "dump.yaml", "--to", "D\nR" }, 2, "unknown site 'D R'"],
        ["dump YAML with invalid UTF-8", new[] { "report", "-f", "bad-utf8.yaml", "--to", "DR" }, 2, "bad-utf8.yaml:6:13: not valid UTF-8"],
        ["dump JSON with invalid UTF-8", new[] { "report", "-f", "bad-utf8.json", "--to", "DR" }, 2, "bad-utf8.json:1:"],
        ["dump JSON with a lone surrogate", new[] { "report", "-f", "surrogate.json", "--to", "DR" }, 2, "surrogate.json:1:"],
        ["dump is binary", new[] { "report", "-f", "binary.yaml", "--to", "DR" }, 2, "binary.yaml: is not a text file"],
        ["inventory is a folder", new[] { "validate", "-i", "folder" }, 2, "folder: is a folder"],
        ["inventory is UTF-16 cut inside a character", new[] { "validate", "-i", "utf16.csv" }, 2, "utf16.csv: is not valid UTF-16LE: it has an odd number of bytes"],
        ["inventory is binary", new[] { "validate", "-i", "binary.yaml" }, 2, "binary.yaml: is not a text file"],
        ["inventory with invalid UTF-8", new[] { "validate", "-i", "bad-utf8.csv" }, 2, "bad-utf8.csv:2:"],
        ["generate from a folder", new[] { "generate", "-i", "folder", "--out", "out" }, 2, "folder: is a folder"],
        ["settings is a folder", new[] { "validate", "--settings", "folder" }, 2, "folder: is a folder"],
        ["settings missing", new[] { "validate", "--settings", "nowhere.yaml" }, 2, "settings file not found"],
        ["settings with a list as key", new[] { "validate", "--settings", "list-key.yaml" }, 2, "list-key.yaml:1: expected a setting name"],
        ["settings with a mapping as key", new[] { "generate", "--settings", "map-key.yaml" }, 2, "map-key.yaml:1: expected a setting name"],
        ["settings of two documents", new[] { "validate", "--settings", "two-documents.yaml" }, 2, "two-documents.yaml:2: holds more than one"],
        ["settings with invalid UTF-8", new[] { "validate", "--settings", "bad-utf8-settings.yaml" }, 2, "bad-utf8-settings.yaml:1:16: not valid UTF-8"],
        ["settings is a dump's binary", new[] { "report", "-f", "dump.yaml", "--settings", "binary.yaml", "--to", "DR" }, 2, "binary.yaml: is not a text file"],
        ["max input size not a size", new[] { "report", "-f", "dump.yaml", "--to", "DR", "--max-input-size", "lots" }, 2, "--max-input-size 'lots'"],
        ["max input size zero", new[] { "report", "-f", "dump.yaml", "--to", "DR", "--max-input-size", "0" }, 2, "--max-input-size '0'"],
        ["output file is a folder", new[] { "report", "-f", "dump.yaml", "--to", "DR", "--output-file", "folder" }, 2, "folder: cannot write the report"],
    ];

    [TestMethod]
    [DynamicData(nameof(Corpus))]
    public void A_hostile_input_is_one_line_with_its_exit_code(string name, string[] args, int exitCode, string expected)
    {
        _ = name; // Names the case in the test list.
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        Directory.CreateDirectory(Path.Combine(dir.Path, "folder"));
        foreach (var (file, bytes) in Files)
        {
            File.WriteAllBytes(Path.Combine(dir.Path, file), bytes);
        }

        var result = AcmdrProcess.Run(dir.Path, args);

        result.ShouldBeOneLineError(exitCode, expected);
    }
}
