using AcmDr.Core.Text;

namespace AcmDr.Core.Doctor;

/// <summary>What all findings together say: the summary line and the exit code (warnings alone pass).</summary>
public sealed record DoctorVerdict(int Ok, int Warnings, int Failures)
{
    public static DoctorVerdict Of(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        int ok = 0, warnings = 0, failures = 0;
        foreach (var finding in findings)
        {
            switch (finding.Level)
            {
                case FindingLevel.Ok: ok++; break;
                case FindingLevel.Warn: warnings++; break;
                default: failures++; break;
            }
        }

        return new(ok, warnings, failures);
    }

    public string Line => $"{Ok} ok, {Counted.Of(Warnings, "warning")}, {Counted.Of(Failures, "failure")}";

    public int ExitCode => Failures > 0 ? ExitCodes.NotReady : ExitCodes.Success;
}
