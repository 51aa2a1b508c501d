namespace FunnelOps.Playbooks;

/// <summary>
/// A sitemap should list only pages search engines can index: each entry answers 200 directly,
/// is not blocked by robots.txt, carries no noindex and names itself as canonical. Checked once
/// per site, on the start page.
/// </summary>
public sealed record SitemapCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "sitemap";

    /// <summary>Report entries that answer an error or do not answer.</summary>
    public bool Errors { get; init; } = true;

    /// <summary>Report entries that redirect.</summary>
    public bool Redirects { get; init; } = true;

    /// <summary>Report entries robots.txt blocks.</summary>
    public bool Blocked { get; init; } = true;

    /// <summary>Report entries with a noindex or a canonical pointing elsewhere.</summary>
    public bool NonIndexable { get; init; } = true;
}
