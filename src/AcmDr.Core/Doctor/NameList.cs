using AcmDr.Core.Compliance;

namespace AcmDr.Core.Doctor;

/// <summary>Names in a finding's one line: the first few, then how many more, so a line stays readable at any scale.</summary>
internal static class NameList
{
    public const int Shown = 5;

    public static string Of(IReadOnlyList<string> names) =>
        StatusText.Clean(names.Count <= Shown
            ? string.Join(", ", names)
            : $"{string.Join(", ", names.Take(Shown))} and {names.Count - Shown} more");
}
