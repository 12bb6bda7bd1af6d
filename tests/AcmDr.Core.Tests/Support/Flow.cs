using System.Text;
using AcmDr.Core.Manifests;

namespace AcmDr.Core.Tests.Support;

/// <summary>
/// A manifest tree as one line of flow-style YAML (<c>{kind: Policy, spec: {a: [x, y]}}</c>), so a test
/// can state a whole document, with its key order, in one readable string. Typed scalars are bare,
/// string scalars are shown as they are: the writer's quoting is not what these tests are about.
/// </summary>
internal static class Flow
{
    public static string Of(ManifestNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(ManifestNode node, StringBuilder text)
    {
        switch (node)
        {
            case Scalar scalar:
                text.Append(scalar.Value);
                break;
            case TypedScalar typed:
                text.Append(typed.Literal);
                break;
            case Mapping mapping:
                text.Append('{');
                text.AppendJoin(", ", mapping.Entries.Select(e => e.Key + ": " + Of(e.Value)));
                text.Append('}');
                break;
            case Sequence sequence:
                text.Append('[');
                text.AppendJoin(", ", sequence.Items.Select(Of));
                text.Append(']');
                break;
            default:
                throw new ArgumentException($"unknown node {node.GetType().Name}", nameof(node));
        }
    }
}
