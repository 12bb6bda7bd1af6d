namespace AcmDr.FakeKube;

/// <summary>What the fake server knows about one kind of resource at one group/version.</summary>
public sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string> ShortNames)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string Singular => Kind.ToLowerInvariant();

    public string ListKind => Kind + "List";

    /// <summary>How kube names the resource in messages: plural, qualified by group when there is one.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
