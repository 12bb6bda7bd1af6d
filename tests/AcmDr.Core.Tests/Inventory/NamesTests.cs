using AcmDr.Core.Inventory;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

/// <summary>The Kubernetes name rules inventory and settings values are held to.</summary>
[TestClass]
public sealed class NamesTests
{
    [TestMethod]
    [DataRow("a")]
    [DataRow("web-0")]
    [DataRow("0web")]
    [DataRow("a-b-c9")]
    public void Lower_case_letters_digits_and_inner_dashes_make_a_DNS_1123_label(string name) =>
        Names.IsDns1123Label(name).Should().BeTrue();

    [TestMethod]
    [DataRow("")]
    [DataRow("-web")]
    [DataRow("web-")]
    [DataRow("Web")]
    [DataRow("web_0")]
    [DataRow("web.0")]
    [DataRow("wéb")]
    public void Anything_else_is_not_a_DNS_1123_label(string name) =>
        Names.IsDns1123Label(name).Should().BeFalse();

    [TestMethod]
    public void A_DNS_1123_label_has_at_most_63_characters()
    {
        Names.IsDns1123Label(new string('a', 63)).Should().BeTrue();
        Names.IsDns1123Label(new string('a', 64)).Should().BeFalse();
    }

    [TestMethod]
    [DataRow("DR")]
    [DataRow("Primary")]
    [DataRow("site_1.a-b")]
    [DataRow("1")]
    public void A_label_value_has_letters_digits_dashes_underscores_and_dots_alphanumeric_at_both_ends(string value) =>
        Names.IsLabelValue(value).Should().BeTrue();

    [TestMethod]
    [DataRow("")]
    [DataRow("_DR")]
    [DataRow("DR.")]
    [DataRow("D R")]
    [DataRow("D/R")]
    public void Anything_else_is_not_a_label_value(string value) =>
        Names.IsLabelValue(value).Should().BeFalse();

    [TestMethod]
    public void A_label_value_has_at_most_63_characters()
    {
        Names.IsLabelValue(new string('A', 63)).Should().BeTrue();
        Names.IsLabelValue(new string('A', 64)).Should().BeFalse();
    }

    [TestMethod]
    [DataRow("site")]
    [DataRow("topology.kubernetes.io/site")]
    [DataRow("example.com/Site_1")]
    public void A_label_key_is_a_name_with_an_optional_DNS_subdomain_prefix(string key) =>
        Names.IsLabelKey(key).Should().BeTrue();

    [TestMethod]
    [DataRow("/site")]
    [DataRow("Example.com/site")]
    [DataRow("example..com/site")]
    [DataRow("example.com/")]
    [DataRow("example.com/-site")]
    [DataRow("a/b/c")]
    public void Anything_else_is_not_a_label_key(string key) =>
        Names.IsLabelKey(key).Should().BeFalse();

    [TestMethod]
    public void A_label_key_prefix_has_at_most_253_characters()
    {
        var prefix253 = string.Join('.', Enumerable.Repeat(new string('a', 63), 4))[..253];

        Names.IsLabelKey(prefix253 + "/site").Should().BeTrue();
        Names.IsLabelKey(prefix253 + "a/site").Should().BeFalse();
    }

    [TestMethod]
    public void Template_delimiters_and_control_characters_are_unsafe_text()
    {
        Names.UnsafeTextReason("a{{b").Should().Be("contains template delimiters ('{{' or '}}')");
        Names.UnsafeTextReason("a}}b").Should().Be("contains template delimiters ('{{' or '}}')");
        Names.UnsafeTextReason("a\tb").Should().Be("contains a control character (U+0009)");
        Names.UnsafeTextReason("a\u001Bb").Should().Be("contains a control character (U+001B)");
    }

    [TestMethod]
    public void Ordinary_text_including_single_braces_is_safe()
    {
        Names.UnsafeTextReason("a {b} c").Should().BeNull();
        Names.UnsafeTextReason(string.Empty).Should().BeNull();
    }
}
