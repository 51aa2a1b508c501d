using FunnelOps.Crawling;

namespace FunnelOps.Rendering;

/// <summary>
/// Chooses which pages to render. Pages built from one template share their mobile problems,
/// so a few pages per URL section stand for the rest.
/// </summary>
public static class RenderSampler
{
    /// <summary>
    /// Up to <paramref name="perSection"/> pages from each first path segment (the home page is
    /// its own section), at most <paramref name="maxPages"/> in all, shallowest first.
    /// </summary>
    public static IReadOnlyList<Uri> Sample(CrawlResult crawl, int perSection = 2, int maxPages = 24)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        return [.. crawl.Pages
            .GroupBy(page => SectionOf(page.Url))
            .OrderBy(group => group.Min(page => page.Depth))
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group => group.Take(perSection))
            .Take(maxPages)
            .Select(page => page.Url)];
    }

    private static string SectionOf(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? "/" : segments[0];
    }
}
