using System.Diagnostics;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Headless Chromium (/usr/bin/chromium, 'make chromium') run on a page: screenshots, the DOM it built, a PDF.
/// Headless windows are at least 500 px wide (narrower screenshots are cut from a 500 px layout), so a
/// page is shown at a given width in an iframe of that width (<see cref="Framed"/>): its media queries
/// and layout see that width.
/// </summary>
public sealed class HeadlessChromium(TempDir dir)
{
    private readonly string chromium = RequiredTool.FileAt("/usr/bin/chromium");

    public async Task<string> ScreenshotAsync(string page, int width, int height)
    {
        var png = Path.Combine(dir.Path, $"{Path.GetFileNameWithoutExtension(page)}-{width}.png");
        await RunAsync(Framed(page, width, height), width, height, "--screenshot=" + png);
        File.Exists(png).Should().BeTrue($"chromium wrote no screenshot of {page} at {width} px");
        return png;
    }

    public async Task<string> DumpDomAsync(string page, int width) => await RunAsync(page, width, 900, "--dump-dom");

    /// <summary>A page holding <paramref name="page"/> in an iframe <paramref name="width"/> px wide (srcdoc: same origin, so a script in it may write to its parent).</summary>
    public string Framed(string page, int width, int height)
    {
        var framed = Path.Combine(dir.Path, $"{Path.GetFileNameWithoutExtension(page)}-framed-{width}.html");
        File.WriteAllText(framed, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body {{ margin: 0 }} iframe {{ border: 0; display: block; width: {width}px; height: {height}px }}</style></head>" +
            $"<body><iframe srcdoc=\"{System.Net.WebUtility.HtmlEncode(File.ReadAllText(page))}\"></iframe></body></html>");
        return framed;
    }

    public async Task<string> PrintAsync(string page)
    {
        var pdf = Path.Combine(dir.Path, Path.GetFileNameWithoutExtension(page) + ".pdf");
        await RunAsync(page, 1280, 900, "--print-to-pdf=" + pdf, "--no-pdf-header-footer");
        File.Exists(pdf).Should().BeTrue($"chromium printed no PDF of {page}");
        return pdf;
    }

    private async Task<string> RunAsync(string page, int width, int height, params string[] action)
    {
        var profile = Directory.CreateDirectory(Path.Combine(dir.Path, "chromium-profile-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, $"--window-size={width},{height}" }
            .Concat(action).Append(new Uri(page).AbsoluteUri))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, await stderr);
        return await stdout;
    }
}
