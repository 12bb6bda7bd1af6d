using System.Text;
using AcmDr.Core.Manifests;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AcmDr.Cli.Yaml;

/// <summary>Writes manifest trees as block YAML, byte-identical for the same tree.</summary>
public static class ManifestYamlWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        indentSequences: true,
        newLine: "\n");

    /// <summary>The text of a file: an optional comment header, then the documents separated by <c>---</c>.</summary>
    public static string Write(IReadOnlyList<Mapping> documents, string? headerComment = null) =>
        Write(documents, headerComment, new StringBuilder());

    /// <summary>
    /// As <see cref="Write(IReadOnlyList{Mapping}, string?)"/>, reusing <paramref name="text"/> (cleared
    /// first): growing a fresh builder block by block for each of 10,000 files was a fifth of the time.
    /// </summary>
    public static string Write(IReadOnlyList<Mapping> documents, string? headerComment, StringBuilder text)
    {
        text.Clear();
        AppendHeader(text, headerComment);
        return DirectYamlWriter.TryWrite(text, documents) ? text.ToString() : WriteWithEmitter(documents, headerComment);
    }

    /// <summary>
    /// As <see cref="Write(IReadOnlyList{Mapping}, string?, StringBuilder)"/>, leaving the text in
    /// <paramref name="text"/> rather than making a string of it: the caller may encode it straight
    /// away (at 100,000 VMs, 200 MB of strings, many on the large-object heap, never made).
    /// </summary>
    public static void WriteInto(IReadOnlyList<Mapping> documents, string? headerComment, StringBuilder text)
    {
        text.Clear();
        AppendHeader(text, headerComment);
        if (!DirectYamlWriter.TryWrite(text, documents))
        {
            text.Clear().Append(WriteWithEmitter(documents, headerComment));
        }
    }

    /// <summary>The text through YamlDotNet's emitter, for every shape: the fallback when <see cref="DirectYamlWriter"/> declines.</summary>
    private static string WriteWithEmitter(IReadOnlyList<Mapping> documents, string? headerComment = null)
    {
        var header = new StringBuilder();
        AppendHeader(header, headerComment);
        using var text = new StringWriter(header) { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        for (var i = 0; i < documents.Count; i++)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: i == 0));
            Emit(emitter, documents[i]);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void AppendHeader(StringBuilder text, string? headerComment)
    {
        if (headerComment is null)
        {
            return;
        }

        foreach (var line in headerComment.Split('\n'))
        {
            text.Append("# ").Append(line).Append('\n');
        }
    }

    private static void Emit(IEmitter emitter, ManifestNode node)
    {
        switch (node)
        {
            case AcmDr.Core.Manifests.Scalar scalar:
                EmitString(emitter, scalar.Value);
                break;
            case TypedScalar typed:
                emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, typed.Literal, ScalarStyle.Plain, true, false));
                break;
            case Mapping mapping:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in mapping.Entries)
                {
                    EmitString(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case Sequence sequence:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"unknown manifest node {node.GetType().Name}", nameof(node));
        }
    }

    private static void EmitString(IEmitter emitter, string value)
    {
        var style = ScalarStyles.For(value);
        emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, value, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain));
    }
}
