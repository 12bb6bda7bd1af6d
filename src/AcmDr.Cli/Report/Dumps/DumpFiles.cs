using AcmDr.Cli.Input;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>Reads <c>kubectl get policies -A -o yaml|json</c> dump files.</summary>
internal static class DumpFiles
{
    public static HubSnapshot Read(string path, string shownAs, string hubNamespace, InputLimit limit) =>
        HubObjects.From(Parse(shownAs, InputFile.Read(path, shownAs, limit).Span), hubNamespace, shownAs);

    /// <summary>JSON when the first non-blank character opens an object or array, else YAML.</summary>
    public static List<DumpNode> Parse(string shownAs, ReadOnlySpan<byte> bytes)
    {
        var first = bytes.TrimStart(" \t\r\n\uFEFF"u8);
        if (first.Length > 0 && first[0] is (byte)'{' or (byte)'[')
        {
            return JsonDumpReader.Read(shownAs, bytes);
        }

        var span = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        var text = YamlSkipper.Filter(span);
        return YamlDumpReader.Read(shownAs, new StringReader(text));
    }
}
