using YamlDotNet.RepresentationModel;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>
/// Finds the shared ACM status fixtures (../shared beside the repository, or
/// ACMDR_SHARED_DIR) and pulls out every compliance message they hold.
/// </summary>
internal static class AcmStatusFixtures
{
    /// <summary>The fixture folder, or the test ends inconclusive (failed when ACMDR_REQUIRE_TOOLS=1).</summary>
    public static string RequireFolder() => RequiredTool.StatusFixturesDir();

    /// <summary>Every <c>message</c> value in the YAML files and every line under
    /// "# Compliance messages:" in the dry-run outputs, with the file it came from.</summary>
    public static IReadOnlyList<(string File, string Message)> Messages(string folder)
    {
        var messages = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }

            foreach (var document in stream.Documents)
            {
                CollectMessages(document.RootNode, Path.GetFileName(path), messages);
            }
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.output.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path);
            var start = Array.IndexOf(lines, "# Compliance messages:");
            messages.AddRange(lines.Skip(start + 1)
                .Where(line => start >= 0 && line.Length > 0)
                .Select(line => (Path.GetFileName(path), line)));
        }

        return messages;
    }

    private static void CollectMessages(YamlNode node, string file, List<(string, string)> messages)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "message" } && value is YamlScalarNode { Value: { } text })
                    {
                        messages.Add((file, text));
                    }
                    else
                    {
                        CollectMessages(value, file, messages);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    CollectMessages(child, file, messages);
                }

                break;
        }
    }
}
