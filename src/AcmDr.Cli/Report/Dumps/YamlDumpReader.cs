using AcmDr.Cli.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>
/// Reads <c>kubectl get -o yaml</c> output (a List, or several documents) event by event with
/// YamlDotNet's parser, skipping what the report never needs without building it.
/// </summary>
internal static class YamlDumpReader
{
    public static List<DumpNode> Read(string file, TextReader text)
    {
        var parser = DepthLimitedParser.Over(text);
        var documents = new List<DumpNode>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                if (parser.Accept<DocumentEnd>(out _))
                {
                    parser.Consume<DocumentEnd>();
                    continue;
                }

                var node = ReadValue(parser);
                parser.Consume<DocumentEnd>();
                if (node.Scalar is not null || node.Map is not null || node.Items is not null)
                {
                    documents.Add(node);
                }
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            throw new DumpFileException(file, ex.Start.Line, ex.Start.Column, "not valid YAML: " + Inner(ex), ex);
        }

        return documents;
    }

    private static DumpNode ReadValue(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
            return DumpNode.OfScalar(isNull ? null : scalar.Value);
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var items = new List<DumpNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadValue(parser));
            }

            return DumpNode.OfItems(items);
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            var map = new Dictionary<string, DumpNode>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>().Value;
                if (DumpNode.IsSkipped(key, map.GetValueOrDefault("kind")?.Scalar))
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                map[key] = ReadValue(parser);
            }

            return DumpNode.OfMap(map);
        }

        if (parser.Accept<AnchorAlias>(out var alias))
        {
            throw new YamlException(alias.Start, alias.End, "aliases are not expected in a kubectl dump");
        }

        var unexpected = parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, $"unexpected {unexpected.GetType().Name}");
    }

    private static string Inner(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut > 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }
}
