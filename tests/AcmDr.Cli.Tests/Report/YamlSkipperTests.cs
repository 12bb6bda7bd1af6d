using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class YamlSkipperTests
{
    [TestMethod]
    public void Spec_and_managed_fields_become_blank_lines_and_the_rest_stays()
    {
        const string Yaml = "items:\n- metadata:\n    managedFields:\n    - manager: x\n      fields: {}\n    name: p\n  spec:\n    text: |\n      a\n\n      b\n    list:\n    - 1\n  status:\n    compliant: Compliant\n---\nspec:\n- x\nkind: Policy\n";

        var filtered = YamlSkipper.Filter(System.Text.Encoding.UTF8.GetBytes(Yaml));

        filtered.Should().Be("items:\n- metadata:\n    managedFields:\n\n\n    name: p\n  spec:\n\n\n\n\n\n\n  status:\n    compliant: Compliant\n---\nspec:\n\nkind: Policy\n");
        filtered.Split('\n').Length.Should().Be(Yaml.Split('\n').Length, "error positions keep their lines");
    }

    [TestMethod]
    public void A_spec_value_on_the_key_line_is_left_to_the_parser()
    {
        const string Yaml = "spec: {a: 1}\nstatus: x\n";

        YamlSkipper.Filter(System.Text.Encoding.UTF8.GetBytes(Yaml)).Should().Be(Yaml);
    }
}
