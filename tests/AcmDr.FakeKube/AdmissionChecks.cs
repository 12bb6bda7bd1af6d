namespace AcmDr.FakeKube;

/// <summary>
/// Checks a request passes before the server handles it, as admission would (a create in a namespace that is
/// gone or terminating): a check returns the failure to answer with, or null to let the request through.
/// </summary>
public sealed class AdmissionChecks
{
    private readonly Lock gate = new();
    private readonly List<Func<string, string, ObjectStore, KubeApiException?>> checks = [];

    /// <summary>Adds a check of (method, path, store).</summary>
    public void Add(Func<string, string, ObjectStore, KubeApiException?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (gate)
        {
            checks.Add(check);
        }
    }

    internal void Check(string method, string path, ObjectStore store)
    {
        List<Func<string, string, ObjectStore, KubeApiException?>> all;
        lock (gate)
        {
            all = [.. checks];
        }

        foreach (var check in all)
        {
            if (check(method, path, store) is { } refusal)
            {
                throw refusal;
            }
        }
    }
}
