using NJsonSchema.Validation;

namespace AcmDr.Cli.Tests.Support;

/// <summary>Human-readable NJsonSchema errors: "path: message".</summary>
public static class SchemaErrors
{
    public static IEnumerable<string> Describe(ValidationError error, string basePath)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is ChildSchemaValidationError child && !IsChoice(error.Kind))
        {
            // A wrapper such as AdditionalPropertiesNotValid: its children say what is wrong.
            return child.Errors.SelectMany(e => e.Value).SelectMany(e => Describe(e, basePath));
        }

        var path = CrdValidator.Join(basePath, Trim(error.Path));
        var shown = path.Length == 0 ? "(root)" : path;
        var message = Message(error);
        if (error is ChildSchemaValidationError choice)
        {
            var branches = choice.Errors.Select((branch, i) =>
                $"branch {i}: {string.Join(", ", branch.Value.SelectMany(e => Describe(e, basePath)))}");
            message = $"{message} ({string.Join("; ", branches)})";
        }

        return [$"{shown}: {message}"];
    }

    private static bool IsChoice(ValidationErrorKind kind) =>
        kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAllOf
            or ValidationErrorKind.ExcludedSchemaValidates;

    private static string Message(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown field \"{error.Property}\"",
        ValidationErrorKind.PropertyRequired => $"required field \"{error.Property}\" is missing",
        ValidationErrorKind.NotInEnumeration =>
            $"value not in [{string.Join(", ", error.Schema?.Enumeration.Select(v => v ?? "null") ?? [])}]",
        ValidationErrorKind.PatternMismatch => $"does not match pattern {error.Schema?.Pattern}",
        ValidationErrorKind.StringExpected => "expected a string",
        ValidationErrorKind.IntegerExpected => "expected an integer",
        ValidationErrorKind.NumberExpected => "expected a number",
        ValidationErrorKind.BooleanExpected => "expected a boolean",
        ValidationErrorKind.ObjectExpected => "expected an object",
        ValidationErrorKind.ArrayExpected => "expected an array",
        ValidationErrorKind.NotAnyOf => "matches none of the allowed alternatives",
        ValidationErrorKind.NotOneOf => "does not match exactly one of the alternatives",
        ValidationErrorKind.ExcludedSchemaValidates => "matches a forbidden alternative",
        _ => error.Kind.ToString(),
    };

    private static string Trim(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return string.Empty;
        }

        return path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path;
    }
}
