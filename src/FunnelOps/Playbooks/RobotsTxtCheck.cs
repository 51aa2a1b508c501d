namespace FunnelOps.Playbooks;

/// <summary>
/// robots.txt must be readable by search engines and must not block pages the site links to or
/// lists in its sitemap. Checked once per site, on the start page.
/// </summary>
public sealed record RobotsTxtCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "robots-txt";

    /// <summary>Report lines search engines cannot use.</summary>
    public bool Valid { get; init; } = true;

    /// <summary>Report pages the site links to or lists that robots.txt blocks.</summary>
    public bool BlocksPages { get; init; } = true;
}
