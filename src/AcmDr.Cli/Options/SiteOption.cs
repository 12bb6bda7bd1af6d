using System.CommandLine;
using AcmDr.Core.Flip;
using AcmDr.Core.Settings;

namespace AcmDr.Cli.Options;

/// <summary>
/// <c>--to SITE</c>, the one declaration of the target site. Where it is required, the parser refuses
/// a command without it (exit 2); <see cref="Checked"/> refuses a site the settings do not name (exit 4, the flip's one rule: <see cref="FlipDecision.CheckTarget"/>).
/// </summary>
/// <param name="description">What the site means in this command.</param>
/// <param name="required">True where the command cannot run without a site.</param>
public sealed class SiteOption(string description, bool required)
{
    public Option<string?> To { get; } = new("--to") { Description = description, Required = required };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(To);
    }

    /// <summary>The site given, or null.</summary>
    public string? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(To);
    }

    /// <summary>The site of a command that requires one, refused (exit 4) unless it is one of the settings' sites.</summary>
    public string Checked(ParseResult parse, DrSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var site = Read(parse) ?? throw new InvalidOperationException("Checked is for a required --to; the parser refuses a command without it");
        return FlipDecision.CheckTarget(site, settings.Sites, SiteSource.Settings);
    }
}
