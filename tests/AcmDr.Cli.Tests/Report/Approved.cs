using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Approved outputs in Report/Approved: a test compares its output byte for byte with the approved
/// file. With ACMDR_APPROVE=1 it writes the file instead (review the diff before committing it).
/// A mismatch leaves the received output in $TMPDIR/acmdr-received for a diff.
/// </summary>
public static class Approved
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "AcmDr.Cli.Tests", "Report", "Approved");

    public static void Verify(string name, string received)
    {
        var path = Path.Combine(Directory, name);
        if (Environment.GetEnvironmentVariable("ACMDR_APPROVE") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, received);
            return;
        }

        var approved = File.Exists(path) ? File.ReadAllText(path) : null;
        if (approved == received)
        {
            return;
        }

        var keep = Path.Combine(Path.GetTempPath(), "acmdr-received");
        System.IO.Directory.CreateDirectory(keep);
        File.WriteAllText(Path.Combine(keep, name), received);
        approved.Should().Be(received,
            $"{name} differs from its approved file ({FirstDifference(approved, received)}); received output in {Path.Combine(keep, name)}; " +
            "if the change is meant, run the test with ACMDR_APPROVE=1 and commit the diff");
    }

    private static string FirstDifference(string? approved, string received)
    {
        if (approved is null)
        {
            return "no approved file";
        }

        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, r.Length); i++)
        {
            if (a[i] != r[i])
            {
                return $"line {i + 1}: approved '{a[i]}', received '{r[i]}'";
            }
        }

        return $"approved has {a.Length} lines, received {r.Length}";
    }
}
