namespace AcmDr.FakeKube;

/// <summary>One request the server saw; <see cref="StatusCode"/> 0 means the connection was dropped.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, int StatusCode)
{
    public bool Dropped => StatusCode == 0;
}
