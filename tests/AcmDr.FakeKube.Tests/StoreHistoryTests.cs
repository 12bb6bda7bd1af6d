using FluentAssertions;

namespace AcmDr.FakeKube.Tests;

[TestClass]
public sealed class StoreHistoryTests
{
    [TestMethod]
    public async Task Changes_tell_an_update_from_a_delete_and_a_re_creation_under_a_new_uid()
    {
        await using var server = await FakeApiServer.StartAsync();
        server.Store.Put(TestObjects.ConfigMap("acmdr", "a", "Primary"));
        server.Store.Update("", "v1", "configmaps", "acmdr", "a", cm => cm["data"]!["site"] = "DR");
        server.Store.Delete("", "v1", "configmaps", "acmdr", "a");
        server.Store.Put(TestObjects.ConfigMap("acmdr", "a", "Primary"));

        var changes = server.Store.Changes("", "v1", "configmaps");

        changes.Select(c => c.EventType).Should().Equal("ADDED", "MODIFIED", "DELETED", "ADDED");
        changes.Should().OnlyContain(c => c.Namespace == "acmdr" && c.Name == "a");
        changes[1].Uid.Should().Be(changes[0].Uid, "an update keeps the uid");
        changes[3].Uid.Should().NotBeNullOrEmpty().And.NotBe(changes[0].Uid, "the API server gives a re-created object a new uid");
    }
}
