using System.Security.Cryptography;
using System.Text;
using AcmDr.Core.Isolated;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>Rehearsal ids and the names made from them.</summary>
[TestClass]
public sealed class IsolatedIdsTests
{
    [TestMethod]
    public void A_new_id_is_the_utc_month_day_hour_minute_and_three_base36_characters()
    {
        var now = new DateTimeOffset(2026, 12, 3, 13, 7, 59, TimeSpan.FromHours(1));

        IsolatedIds.New(now, new FixedRandom(20, 3, 15)).Should().Be("1203-1207-k3f");
        IsolatedIds.New(now, new FixedRandom(0, 35, 10)).Should().Be("1203-1207-0za");
    }

    [TestMethod]
    public void A_new_id_asks_the_random_source_for_one_of_36_characters_three_times()
    {
        var random = new FixedRandom(1, 2, 3);

        IsolatedIds.New(new DateTimeOffset(2027, 1, 9, 0, 5, 0, TimeSpan.Zero), random).Should().Be("0109-0005-123");
        random.Asked.Should().Equal(36, 36, 36);
    }

    [TestMethod]
    public void A_new_id_is_always_a_valid_id()
    {
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            IsolatedIds.Problem(IsolatedIds.New(DateTimeOffset.UnixEpoch.AddMinutes(i * 977), random)).Should().BeNull();
        }
    }

    [TestMethod]
    public void A_new_id_needs_a_random_source() =>
        FluentActions.Invoking(() => IsolatedIds.New(DateTimeOffset.UnixEpoch, null!)).Should().Throw<ArgumentNullException>();

    [TestMethod]
    [DataRow("1203-1207-k3f")]
    [DataRow("a")]
    [DataRow("0")]
    [DataRow("abcdefghij-12345")]
    [DataRow("a--b")]
    public void Lower_case_letters_digits_and_inner_dashes_up_to_16_make_an_id(string id) =>
        IsolatedIds.Problem(id).Should().BeNull();

    [TestMethod]
    [DataRow("", "the rehearsal id is empty")]
    [DataRow("abcdefghij-123456", "rehearsal id 'abcdefghij-123456' is 17 characters long: at most 16")]
    [DataRow("Test1", "rehearsal id 'Test1' may hold only lower-case letters, digits and '-'")]
    [DataRow("a_b", "rehearsal id 'a_b' may hold only lower-case letters, digits and '-'")]
    [DataRow("a.b", "rehearsal id 'a.b' may hold only lower-case letters, digits and '-'")]
    [DataRow("é", "rehearsal id 'é' may hold only lower-case letters, digits and '-'")]
    [DataRow("-ab", "rehearsal id '-ab' must start and end with a letter or digit")]
    [DataRow("ab-", "rehearsal id 'ab-' must start and end with a letter or digit")]
    [DataRow("-", "rehearsal id '-' must start and end with a letter or digit")]
    public void An_id_that_is_not_a_short_dns_label_is_refused_with_the_reason(string id, string problem) =>
        IsolatedIds.Problem(id).Should().Be(problem);

    [TestMethod]
    public void A_null_id_is_refused() =>
        FluentActions.Invoking(() => IsolatedIds.Problem(null!)).Should().Throw<ArgumentNullException>();

    [TestMethod]
    public void Bubble_and_snapshot_names_are_the_prefix_the_id_and_the_production_name()
    {
        IsolatedIds.BubbleNamespace("1203-1207-k3f", "payments").Should().Be("acmdr-test-1203-1207-k3f-payments");
        IsolatedIds.SnapshotName("1203-1207-k3f", "db-1").Should().Be("acmdr-test-1203-1207-k3f-db-1");
    }

    [TestMethod]
    public void A_name_of_63_characters_is_kept_whole()
    {
        var ns = new string('n', 63 - "acmdr-test-abc-".Length);

        IsolatedIds.BubbleNamespace("abc", ns).Should().Be("acmdr-test-abc-" + ns).And.HaveLength(63);
    }

    [TestMethod]
    public void A_name_over_63_characters_is_cut_to_54_and_ends_with_8_hex_digits_of_the_whole_names_hash()
    {
        var ns = new string('n', 64 - "acmdr-test-abc-".Length);
        var whole = "acmdr-test-abc-" + ns;

        var name = IsolatedIds.BubbleNamespace("abc", ns);

        name.Should().HaveLength(63).And.Be(whole[..54] + "-" + Sha(whole)[..8]);
        IsolatedIds.SnapshotName("abc", ns).Should().Be(name);
    }

    [TestMethod]
    public void Two_long_names_that_differ_only_at_their_end_stay_different()
    {
        var a = IsolatedIds.SnapshotName("1203-1207-k3f", new string('v', 60) + "-a");
        var b = IsolatedIds.SnapshotName("1203-1207-k3f", new string('v', 60) + "-b");

        a.Should().NotBe(b);
        a[..54].Should().Be(b[..54]);
    }

    [TestMethod]
    public void A_cut_that_ends_in_a_dash_drops_it_so_the_name_stays_a_dns_label()
    {
        var vm = new string('v', 54 - "acmdr-test-abc-".Length - 1) + "-" + new string('w', 20);
        var whole = "acmdr-test-abc-" + vm;
        whole[53].Should().Be('-');

        var name = IsolatedIds.SnapshotName("abc", vm);

        name.Should().Be(whole[..53] + "-" + Sha(whole)[..8]).And.HaveLength(62);
        name.Should().NotContain("--");
    }

    [TestMethod]
    public void A_null_name_is_refused() =>
        FluentActions.Invoking(() => IsolatedIds.Name(null!)).Should().Throw<ArgumentNullException>();

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class FixedRandom(params int[] values) : Random
    {
        private int next;

        public List<int> Asked { get; } = [];

        public override int Next(int maxValue)
        {
            Asked.Add(maxValue);
            return values[next++];
        }
    }
}
