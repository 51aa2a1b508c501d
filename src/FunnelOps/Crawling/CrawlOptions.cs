using FunnelOps.Playbooks;

namespace FunnelOps.Crawling;

/// <summary>The scope and bounds of one crawl.</summary>
public sealed record CrawlOptions
{
    /// <summary>Where the crawl starts; its scheme, host and port define the site.</summary>
    public required Uri StartUrl { get; init; }

    /// <summary>More URLs to start from, on the same site.</summary>
    public IReadOnlyList<Uri> ExtraStartUrls { get; init; } = [];

    /// <summary>Other host names that belong to the site, such as the bare domain beside <c>www</c>.</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    /// <summary>URL path patterns a URL must match to be crawled; empty means every path.</summary>
    public IReadOnlyList<UrlPattern> Include { get; init; } = [];

    /// <summary>URL path patterns that keep a URL out of the crawl.</summary>
    public IReadOnlyList<UrlPattern> Exclude { get; init; } = [];

    /// <summary>
    /// The most URLs crawled per path pattern, against traps such as endless calendars or
    /// faceted search (for example <c>/events/**</c> at most 50).
    /// </summary>
    public IReadOnlyList<KeyValuePair<UrlPattern, int>> PatternCaps { get; init; } = [];

    /// <summary>The most URLs that differ only in their query string, per path.</summary>
    public int MaxQueryVariantsPerPath { get; init; } = 25;

    /// <summary>Query parameters dropped from every URL (see <see cref="UrlNormalizer"/>).</summary>
    public IReadOnlyList<string> IgnoredQueryParameters { get; init; } = UrlNormalizer.DefaultIgnoredParameters;

    /// <summary>What to do with trailing slashes.</summary>
    public TrailingSlash TrailingSlash { get; init; } = TrailingSlash.Keep;

    /// <summary>The most URLs fetched, pages and redirects included (images, scripts and stylesheets apart).</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>The most images, scripts and stylesheets whose status is checked.</summary>
    public int MaxResources { get; init; } = 2_000;

    /// <summary>The most clicks from a start URL.</summary>
    public int MaxDepth { get; init; } = 10;

    /// <summary>Bodies larger than this are cut and the page is marked as too large.</summary>
    public long MaxBodyBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The time budget for one request, retries included, counted from when the host's turn comes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Requests in flight at once to one host.</summary>
    public int PerHostConcurrency { get; init; } = 8;

    /// <summary>The longest pause between requests a robots.txt crawl-delay can ask for.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Redirect hops followed before a chain is reported as too long.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>True to read sitemaps named in robots.txt, or <c>/sitemap.xml</c>.</summary>
    public bool ReadSitemaps { get; init; } = true;

    /// <summary>True to check the status of the site's own images, scripts and stylesheets.</summary>
    public bool CheckResources { get; init; } = true;

    /// <summary>CSS selectors whose matches are counted on every page while it is parsed.</summary>
    public IReadOnlyCollection<string> Probes { get; init; } = [];
}
