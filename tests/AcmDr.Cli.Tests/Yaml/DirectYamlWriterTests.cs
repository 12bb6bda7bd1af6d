using System.Text;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Yaml;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Yaml;

/// <summary>
/// What the generated files promise: Go's yaml.v3, the reader ACM uses, reads back the tree that was
/// written, whether the direct writer wrote the file or left it to YamlDotNet's emitter.
/// </summary>
[TestClass]
public sealed class DirectYamlWriterTests
{
    [TestMethod]
    public void Writing_into_a_reused_builder_gives_each_file_the_text_of_Write()
    {
        var text = new StringBuilder(16);

        foreach (var file in SampleFiles())
        {
            ManifestYamlWriter.WriteInto(file.Documents, "header", text);
            text.ToString().Should().Be(ManifestYamlWriter.Write(file.Documents, "header"), file.RelativePath);
        }
    }

    [TestMethod]
    public void Writes_every_sample_file_itself_and_go_reads_back_the_same_tree()
    {
        var files = SampleFiles();
        var texts = files.Select(file =>
        {
            var direct = new StringBuilder();
            DirectYamlWriter.TryWrite(direct, file.Documents).Should().BeTrue($"{file.RelativePath} is an ordinary manifest");
            return direct.ToString();
        }).ToList();

        var trees = GoYaml.Read(texts);

        for (var i = 0; i < files.Count; i++)
        {
            trees[i].ToJsonString().Should().Be(GoYaml.Tree(files[i].Documents).ToJsonString(), files[i].RelativePath);
        }
    }

    [TestMethod]
    public void Generated_trees_the_direct_writer_takes_are_read_back_by_go_unchanged()
    {
        var random = new Random(15);
        var written = new List<(List<Mapping> Documents, string Text)>();
        for (var round = 0; round < 400; round++)
        {
            var documents = Enumerable.Range(0, random.Next(1, 3)).Select(_ => RandomMapping(random, 0)).ToList();
            var text = new StringBuilder("# header\n");
            if (DirectYamlWriter.TryWrite(text, documents))
            {
                written.Add((documents, text.ToString()));
            }
        }

        written.Should().HaveCountGreaterThan(200, "most generated trees are within the direct writer's shapes");
        var trees = GoYaml.Read(written.ConvertAll(w => w.Text));
        for (var i = 0; i < written.Count; i++)
        {
            trees[i].ToJsonString().Should().Be(GoYaml.Tree(written[i].Documents).ToJsonString(), written[i].Text);
        }
    }

    [TestMethod]
    [DataRow("plain")]
    [DataRow("")]
    [DataRow("it's")]
    [DataRow("'quoted'")]
    [DataRow("yes")]
    [DataRow("0755")]
    [DataRow("1e3")]
    [DataRow("2024-01-01")]
    [DataRow("a: b")]
    [DataRow("a #b")]
    [DataRow("- dash")]
    [DataRow(" leading")]
    [DataRow("trailing ")]
    [DataRow("{{hub fromConfigMap \"\" \"x\" hub}}")]
    public void Writes_awkward_values_itself_so_that_go_reads_them_back(string value)
    {
        var documents = Awkward(value);

        var direct = new StringBuilder("# header\n");
        DirectYamlWriter.TryWrite(direct, documents).Should().BeTrue("the direct writer knows this shape");
        GoYaml.Read([direct.ToString()])[0].ToJsonString().Should().Be(GoYaml.Tree(documents).ToJsonString());
    }

    [TestMethod]
    [DataRow("line\nbreak\n")]
    [DataRow("line\nbreak")]
    [DataRow("tab\nline\t\n")]
    [DataRow("two\n\nparagraphs\n")]
    [DataRow("kept\n\n")]
    [DataRow("tab\tinside")]
    [DataRow("café")]
    [DataRow("bell\a")]
    [DataRow("trailing space \nline\n")]
    public void Leaves_other_values_to_the_emitter_whose_file_go_reads_back(string value)
    {
        var documents = Awkward(value);

        DirectYamlWriter.TryWrite(new StringBuilder(), documents).Should().BeFalse("the direct writer declines this value");
        GoYaml.Read([ManifestYamlWriter.Write(documents, "header")])[0].ToJsonString().Should().Be(GoYaml.Tree(documents).ToJsonString());
    }

    [TestMethod]
    public void Leaves_empty_collections_to_the_emitter_whose_file_go_reads_back()
    {
        var documents = new List<Mapping>
        {
            new Mapping().Add("nested", new Mapping().Add("a", "b")).Add("empty", new Sequence()).Add("none", new Mapping()),
        };

        DirectYamlWriter.TryWrite(new StringBuilder(), documents).Should().BeFalse();
        GoYaml.Read([ManifestYamlWriter.Write(documents)])[0].ToJsonString().Should().Be(GoYaml.Tree(documents).ToJsonString());
    }

    private static List<Mapping> Awkward(string value) =>
    [
        new Mapping().Add("key", value).Add("list", new Sequence().Add(new Scalar(value)).Add(new Mapping().Add(value.Length == 0 ? "k" : "k2", value))),
        new Mapping().Add("nested", new Mapping().Add("raw", value).Add("n", TypedScalar.Of(3)).Add("on", TypedScalar.Of(true))),
    ];

    private static List<GeneratedFile> SampleFiles()
    {
        var settings = DrSettings.Default;
        var inventory = InventoryReader.Read("apps.csv", File.ReadAllBytes(RepoPaths.SampleInventory), settings);
        return ManifestBuilder.Pending(PlanBuilder.Build(inventory, settings), SwitchState.Home(settings)).Select(f => f.Build(new StringBuilder())).ToList();
    }

    private static readonly string[] Words =
    [
        "app", "db-0", "yes", "No", "on", "null", "~", "0755", "1e3", "0x1F", "-1", "2024-01-01", "12:30", "a: b", "a #b", "#c", "- dash",
        "it's", "'q'", "\"dq\"", "{{hub fromConfigMap \"\" \"x\" hub}}", "[x]", "{y}", "x,y", "*star", "&amp", "!bang", "%pc", "@at",
        "`tick", "|pipe", ">fold", "?q", ":colon", "end:", "./rel", "../up", "/abs", "a b", "  ",
    ];

    // Text the direct writer mostly leaves to the emitter (line breaks in keys or odd places, tabs, non-ASCII): rare, so most trees are its own.
    private static readonly string[] RareWords = ["x\ny", "line\n", "t\tab", "café"];

    private static string RandomString(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            (random.Next(60) == 0 ? RareWords[random.Next(RareWords.Length)] : Words[random.Next(Words.Length)]) + (random.Next(3) == 0 ? " " : string.Empty)));

    private static ManifestNode RandomValue(Random random, int depth) => random.Next(depth >= 3 ? 3 : 5) switch
    {
        0 => new Scalar(RandomString(random)),
        1 => random.Next(2) == 0 ? TypedScalar.Of(random.Next(-5, 5000)) : TypedScalar.Of(random.Next(2) == 0),
        2 => new Scalar(RandomString(random)),
        3 => RandomMapping(random, depth + 1),
        _ => new Sequence(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomValue(random, depth + 1)).ToList()),
    };

    private static Mapping RandomMapping(Random random, int depth)
    {
        var mapping = new Mapping();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var key = RandomString(random);
            if (keys.Add(key))
            {
                mapping.Add(key, RandomValue(random, depth));
            }
        }

        return mapping;
    }
}
