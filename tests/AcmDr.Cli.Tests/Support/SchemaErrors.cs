using NJsonSchema.Validation;

namespace AcmDr.Cli.Tests.Support;

/// <summary>Human-readable NJsonSchema errors: "path: message".</summary>
public static class SchemaErrors
{
    public static IEnumerable<string> Describe(ValidationError error, string basePath)
    {
        ArgumentNullException.ThrowIfNull(error);
        var path = CrdValidator.Join(basePath, Trim(error.Path));
        var shown = path.Length == 0 ? "(root)" : path;
        var message = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown field \"{error.Property}\"",
            ValidationErrorKind.PropertyRequired => $"required field \"{error.Property}\" is missing",
            ValidationErrorKind.NotInEnumeration =>
                $"value not in [{string.Join(", ", error.Schema?.Enumeration.Select(v => v ?? "null") ?? [])}]",
            _ => error.Kind.ToString(),
        };
        yield return $"{shown}: {message}";

        if (error is ChildSchemaValidationError child)
        {
            var branch = 0;
            foreach (var (_, branchErrors) in child.Errors)
            {
                foreach (var inner in branchErrors)
                {
                    foreach (var line in Describe(inner, basePath))
                    {
                        yield return $"  (branch {branch}) {line}";
                    }
                }

                branch++;
            }
        }
    }

    private static string Trim(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return string.Empty;
        }

        return path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path;
    }
}
