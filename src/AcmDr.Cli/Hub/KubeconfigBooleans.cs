using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace AcmDr.Cli.Hub;

/// <summary>
/// A kubeconfig boolean such as <c>insecure-skip-tls-verify</c> counts only as kubectl reads it: a
/// quoted <c>"true"</c> or <c>'yes'</c> is a string there, and kubectl refuses the file, where
/// YamlDotNet would read it as true and turn verification off.
/// </summary>
internal sealed class KubeconfigBooleans : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if (expectedType != typeof(bool) || !reader.Accept<Scalar>(out var scalar) || scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            return false;
        }

        throw new YamlException(scalar.Start, scalar.End, $"'{Core.Compliance.StatusText.Clean(scalar.Value)}' is quoted, so it is a string, not the boolean kubectl expects here");
    }
}
