namespace FunnelOps.Crawling;

/// <summary>One URL waiting in the frontier.</summary>
/// <param name="Url">The normalised URL.</param>
/// <param name="Depth">Clicks from a start URL; -1 when only a sitemap leads to it.</param>
/// <param name="Kind">A document to read or a resource whose status is checked.</param>
internal sealed record CrawlItem(Uri Url, int Depth, PageKind Kind);
