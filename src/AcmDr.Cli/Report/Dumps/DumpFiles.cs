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
        var documents = YamlDumpReader.Read(shownAs, new StringReader(text));
        if (documents.FirstOrDefault(d => d.Map is { } map && map.ContainsKey("items") && !map.ContainsKey("kind")) is not null)
        {
            // kubectl writes a List's keys in order, 'kind: List' after every item: a List without it was cut short.
            throw new DumpFileException(shownAs, Lines(span), 1, "a List without its closing 'kind: List': the dump was cut short (an interrupted kubectl get?); write it again");
        }

        return documents;
    }

    private static int Lines(ReadOnlySpan<byte> span) => span.Count((byte)'\n') + (span.Length > 0 && span[^1] != (byte)'\n' ? 1 : 0);
}
