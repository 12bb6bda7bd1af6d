using AcmDr.Core;

namespace AcmDr.Cli.Report;

/// <summary>Reads <c>kubectl get policies -A -o yaml|json</c> dump files.</summary>
internal static class DumpFiles
{
    public static HubSnapshot Read(string path, string shownAs, string hubNamespace)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"{shownAs}: cannot read the dump: {ex.Message}", ex);
        }

        return HubObjects.From(Parse(shownAs, bytes), hubNamespace, shownAs);
    }

    /// <summary>JSON when the first non-blank character opens an object or array, else YAML.</summary>
    public static List<DumpNode> Parse(string shownAs, byte[] bytes)
    {
        var first = ((ReadOnlySpan<byte>)bytes).TrimStart(" \t\r\n\uFEFF"u8);
        if (first.Length > 0 && first[0] is (byte)'{' or (byte)'[')
        {
            return JsonDumpReader.Read(shownAs, bytes);
        }

        var span = ((ReadOnlySpan<byte>)bytes).StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        var text = YamlSkipper.Filter(span);
        return KubectlYamlReader.TryRead(text) ?? YamlDumpReader.Read(shownAs, new StringReader(text));
    }
}
