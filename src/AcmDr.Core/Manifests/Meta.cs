using AcmDr.Core.Planning;

namespace AcmDr.Core.Manifests;

/// <summary>Common manifest pieces: the document head and metadata every generated object carries.</summary>
internal static class Meta
{
    public const string PolicyGroup = "policy.open-cluster-management.io";
    public const string ClusterGroup = "cluster.open-cluster-management.io";

    /// <summary>
    /// The values in ordinal order. A list sort, not LINQ's Order: that compiles a sorter at
    /// start-up, which every generate paid for a handful of kustomization lists.
    /// </summary>
    public static List<string> Sorted(IEnumerable<string> values)
    {
        var list = new List<string>(values);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    public static Mapping Document(string apiVersion, string kind, Mapping metadata) =>
        new Mapping().Add("apiVersion", apiVersion).Add("kind", kind).Add("metadata", metadata);

    public static Mapping Metadata(string name, string ns, Dictionary<string, string>? extraLabels = null, Mapping? annotations = null)
    {
        var labels = extraLabels is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(extraLabels, StringComparer.Ordinal);
        labels[PolicyNames.ManagedByLabel] = PolicyNames.ManagedByValue;

        var metadata = new Mapping().Add("name", name).Add("namespace", ns).Add("labels", Mapping.Sorted(labels));
        if (annotations is not null)
        {
            metadata.Add("annotations", annotations);
        }

        return metadata;
    }
}
