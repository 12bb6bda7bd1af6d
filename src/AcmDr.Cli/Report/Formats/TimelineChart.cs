using System.Globalization;
using System.Net;
using System.Text;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// An inline SVG of each tier's move: a bar from the flip to when the tier was all at the new site
/// (or to now while it is still moving) and a marker at its RTO.
/// </summary>
internal static class TimelineChart
{
    private const int Left = 90;
    private const int Width = 720;
    private const int Row = 34;
    private const int Top = 24;

    public static string Svg(ComplianceSummary summary)
    {
        var rows = summary.Tiers.Select(t => (Tier: t, Minutes: Minutes(t, summary))).ToList();
        // Finished tiers and RTOs set the scale; a tier still moving when read long after the flip is cut at the edge.
        var bound = rows.Select(r => Math.Max(r.Tier.Duration is null ? 0 : r.Minutes ?? 0, r.Tier.RtoMinutes ?? 0)).DefaultIfEmpty(0).Max();
        if (bound <= 0)
        {
            bound = rows.Select(r => r.Minutes ?? 0).DefaultIfEmpty(0).Max();
        }

        var scale = Math.Max(1, bound) * 1.15;
        var height = Top + (rows.Count * Row) + 30;
        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Left + Width + 120}\" height=\"{height}\" viewBox=\"0 0 {Left + Width + 120} {height}\">");
        Append(svg, $"<title>Minutes from the flip until each tier ran at {Escape(summary.TargetSite)}</title>");
        if (summary.FlipAt is null)
        {
            Append(svg, $"<text x=\"{Left}\" y=\"{Top}\">No flip time known: give --flip-at to draw the timeline.</text>");
        }

        Append(svg, $"<line x1=\"{Left}\" y1=\"{Top - 10}\" x2=\"{Left}\" y2=\"{height - 24}\" stroke=\"#57606a\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"{height - 8}\" text-anchor=\"middle\">flip</text>");
        Append(svg, $"<text x=\"{Left + Width}\" y=\"{height - 8}\" text-anchor=\"end\">{scale:0} min</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (tier, minutes) = rows[i];
            var y = Top + (i * Row);
            Append(svg, $"<text x=\"{Left - 10}\" y=\"{y + 17}\" text-anchor=\"end\">tier {tier.Tier}</text>");
            if (minutes is { } m && summary.FlipAt is not null)
            {
                var done = tier.Verdict == MoveVerdict.Moved;
                var colour = done ? (tier.Rto == RtoStatus.Missed ? "#cf222e" : "#1a7f37") : "#bf8700";
                var w = Math.Clamp(m / scale * Width, 2, Width);
                Append(svg, $"<rect x=\"{Left}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{Row - 12}\" rx=\"3\" fill=\"{colour}\"{(done ? string.Empty : " fill-opacity=\"0.6\"")}/>");
                var label = done ? ReportWords.Duration(tier.Duration) : $"{ReportWords.VerdictText(tier.Verdict)} {tier.Moved}/{tier.Total}";
                Append(svg, $"<text x=\"{Left + w + 6:0.#}\" y=\"{y + 17}\">{Escape(label)}</text>");
            }

            if (tier.RtoMinutes is { } rto)
            {
                var x = Left + (rto / scale * Width);
                Append(svg, $"<line x1=\"{x:0.#}\" y1=\"{y}\" x2=\"{x:0.#}\" y2=\"{y + Row - 4}\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>RTO {rto} min</title></line>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Minutes the bar spans: to completion, or to now while still moving.</summary>
    private static double? Minutes(TierCompliance tier, ComplianceSummary summary)
    {
        if (tier.Duration is { } duration)
        {
            return Math.Max(0, duration.TotalMinutes);
        }

        return summary.FlipAt is { } flip ? Math.Max(0, (summary.Now - flip).TotalMinutes) : null;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(StatusText.Clean(text));

    private static void Append(StringBuilder svg, FormattableString text) => svg.Append(FormattableString.Invariant(text));
}
