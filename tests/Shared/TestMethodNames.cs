using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace AcmDr.TestSupport;

/// <summary>
/// The one naming style for tests: a behaviour sentence, words joined by underscores, the first word
/// capitalised and at least half of the others lower case; names from the code (ADDED, resourceVersion,
/// ConfigMap) may stand in it. Linked into every test project, so each checks its own tests.
/// </summary>
[TestClass]
public sealed partial class TestMethodNames
{
    public static bool IsSentence(string name)
    {
        if (!SentenceShape().IsMatch(name))
        {
            return false;
        }

        var rest = name.Split('_')[1..];
        return rest.Count(word => LowerWord().IsMatch(word)) * 2 >= rest.Length;
    }

    [TestMethod]
    public void Every_test_method_is_named_as_a_behaviour_sentence()
    {
        var outliers = typeof(TestMethodNames).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttributes<TestMethodAttribute>(inherit: true).Any() && !IsSentence(method.Name))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .Order(StringComparer.Ordinal);

        string.Join(Environment.NewLine, outliers).Should().BeEmpty(
            "test methods read as sentences such as A_damaged_trail_is_kept_warned_about_and_the_flip_goes_on");
    }

    [TestMethod]
    [DataRow("A_damaged_trail_is_kept_warned_about_and_the_flip_goes_on", true)]
    [DataRow("Watch_from_scratch_sees_ADDED_then_MODIFIED", true)]
    [DataRow("Replace_with_stale_resourceVersion_is_Conflict", true)]
    [DataRow("Pending_NamesItsDependencies", false)]
    [DataRow("AllMoved_WithinRto_TiersMet", false)]
    [DataRow("LoadsTheSharedCrdsAndCoreKinds", false)]
    [DataRow("watch_resumes_after_a_version", false)]
    [DataRow("Resumes", false)]
    public void A_name_passes_only_when_it_is_a_sentence(string name, bool sentence) =>
        IsSentence(name).Should().Be(sentence);

    [GeneratedRegex("^[A-Z][a-z0-9]*(_[A-Za-z0-9]+)+$")]
    private static partial Regex SentenceShape();

    [GeneratedRegex("^[a-z0-9]+$")]
    private static partial Regex LowerWord();
}
