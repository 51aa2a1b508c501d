namespace FunnelOps.Crawling;

/// <summary>The bounds of one crawl.</summary>
public sealed record CrawlOptions
{
    /// <summary>Where the crawl starts; its scheme, host and port define the scope.</summary>
    public required Uri StartUrl { get; init; }

    /// <summary>The most URLs fetched, pages and redirects included.</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>The most clicks from the start URL.</summary>
    public int MaxDepth { get; init; } = 10;

    /// <summary>Bodies larger than this are cut and the page is marked as too large.</summary>
    public long MaxBodyBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The time budget for one URL, redirects included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Redirect hops followed before a chain is reported as too long.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>CSS selectors whose matches are counted on every page while it is parsed.</summary>
    public IReadOnlyCollection<string> Probes { get; init; } = [];
}
