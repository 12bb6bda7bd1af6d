using System.Text;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Yaml;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Yaml;

/// <summary>The direct writer is a shortcut: wherever it writes, it must write what YamlDotNet's emitter writes.</summary>
[TestClass]
public sealed class DirectYamlWriterTests
{
    [TestMethod]
    public void Writing_into_a_reused_builder_gives_each_file_the_text_of_Write()
    {
        var settings = DrSettings.Default;
        var inventory = InventoryReader.Read("apps.csv", File.ReadAllBytes(RepoPaths.SampleInventory), settings);
        var text = new StringBuilder(16);

        foreach (var file in SampleFiles(inventory, settings))
        {
            ManifestYamlWriter.WriteInto(file.Documents, "header", text);
            text.ToString().Should().Be(ManifestYamlWriter.Write(file.Documents, "header"), file.RelativePath);
        }
    }

    [TestMethod]
    public void Writes_every_sample_file_itself_byte_for_byte_as_the_emitter()
    {
        var settings = DrSettings.Default;
        var inventory = InventoryReader.Read("apps.csv", File.ReadAllBytes(RepoPaths.SampleInventory), settings);
        var files = SampleFiles(inventory, settings);

        foreach (var file in files)
        {
            var direct = new StringBuilder();
            DirectYamlWriter.TryWrite(direct, file.Documents).Should().BeTrue($"{file.RelativePath} is an ordinary manifest");
            direct.ToString().Should().Be(ManifestYamlWriter.WriteWithEmitter(file.Documents), file.RelativePath);
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
    [DataRow("line\nbreak\n")]
    [DataRow("line\nbreak")]
    [DataRow("two\n\nparagraphs\n")]
    [DataRow("kept\n\n")]
    [DataRow("tab\tinside")]
    [DataRow("tab\nline\t\n")]
    [DataRow("café")]
    [DataRow("bell\a")]
    [DataRow("trailing space \nline\n")]
    public void Writes_awkward_values_as_the_emitter_or_leaves_them_to_it(string value)
    {
        var documents = new List<Mapping>
        {
            new Mapping().Add("key", value).Add("list", new Sequence().Add(new Scalar(value)).Add(new Mapping().Add(value.Length == 0 ? "k" : "k2", value))),
            new Mapping().Add("nested", new Mapping().Add("raw", value).Add("n", TypedScalar.Of(3))),
        };

        ManifestYamlWriter.Write(documents, "header").Should().Be(ManifestYamlWriter.WriteWithEmitter(documents, "header"));
    }

    [TestMethod]
    public void Leaves_empty_collections_to_the_emitter()
    {
        var documents = new List<Mapping>
        {
            new Mapping().Add("nested", new Mapping().Add("a", "b")).Add("empty", new Sequence()).Add("none", new Mapping()),
        };

        DirectYamlWriter.TryWrite(new StringBuilder(), documents).Should().BeFalse();
        ManifestYamlWriter.Write(documents).Should().Be(ManifestYamlWriter.WriteWithEmitter(documents));
    }

    /// <summary>The sample's files as generate builds them: each pending file built into a fresh scratch builder.</summary>
    private static List<GeneratedFile> SampleFiles(Inventory inventory, DrSettings settings) =>
        ManifestBuilder.Pending(PlanBuilder.Build(inventory, settings), SwitchState.Home(settings)).Select(f => f.Build(new StringBuilder())).ToList();
}
