namespace FunnelOps.Crawling;

/// <summary>Everything one crawl read: every URL it fetched and the internal link graph.</summary>
public sealed class CrawlResult
{
    private readonly Dictionary<Uri, PageSnapshot> _byUrl;
    private readonly Dictionary<Uri, List<Uri>> _inlinks;

    /// <summary>Builds the result and its link graph from the snapshots.</summary>
    public CrawlResult(Uri startUrl, IEnumerable<PageSnapshot> snapshots, IReadOnlyList<string> notes,
        IEnumerable<PageSnapshot>? resources = null, int sitemapUrls = 0, RobotsRules? robots = null,
        IEnumerable<Uri>? sitemapBlocked = null)
    {
        Robots = robots ?? RobotsRules.AllowAll;
        SitemapBlocked = [.. (sitemapBlocked ?? []).OrderBy(u => u.AbsoluteUri, StringComparer.Ordinal)];
        StartUrl = startUrl;
        Snapshots = [.. snapshots
            .OrderBy(s => s.Depth < 0 ? int.MaxValue : s.Depth)
            .ThenBy(s => s.Url.AbsoluteUri, StringComparer.Ordinal)];
        Resources = [.. (resources ?? []).OrderBy(s => s.Url.AbsoluteUri, StringComparer.Ordinal)];
        SitemapUrls = sitemapUrls;
        Notes = notes;
        _byUrl = Snapshots.ToDictionary(s => s.Url);
        _inlinks = [];

        foreach (var page in Snapshots.Where(s => s.IsPage))
        {
            foreach (var target in page.Html!.Links.Select(l => l.Target).OfType<Uri>().Distinct())
            {
                if (!_byUrl.ContainsKey(target) || target == page.Url)
                {
                    continue;
                }

                if (!_inlinks.TryGetValue(target, out var sources))
                {
                    _inlinks[target] = sources = [];
                }

                sources.Add(page.Url);
            }
        }
    }

    /// <summary>The images, scripts and stylesheets whose status was checked.</summary>
    public IReadOnlyList<PageSnapshot> Resources { get; }

    /// <summary>The site's robots.txt rules, with the lines search engines cannot use.</summary>
    public RobotsRules Robots { get; }

    /// <summary>URLs a sitemap lists that robots.txt asks crawlers not to read (so they were not fetched).</summary>
    public IReadOnlyList<Uri> SitemapBlocked { get; }

    /// <summary>How many URLs of the site the sitemaps list.</summary>
    public int SitemapUrls { get; }

    /// <summary>Pages a sitemap lists but no crawled page links to: visitors and search engines can hardly find them.</summary>
    public IEnumerable<PageSnapshot> OrphanCandidates =>
        Pages.Where(p => p.InSitemap && p.Url != StartUrl && InlinksOf(p.Url).Count == 0);

    /// <summary>The URL the crawl started from.</summary>
    public Uri StartUrl { get; }

    /// <summary>Every fetched URL, by depth then URL.</summary>
    public IReadOnlyList<PageSnapshot> Snapshots { get; }

    /// <summary>The HTML pages that answered 200.</summary>
    public IEnumerable<PageSnapshot> Pages => Snapshots.Where(s => s.IsPage && s.Status == 200);

    /// <summary>Things a person should know about the crawl itself, such as limits reached.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The snapshot of <paramref name="url"/>, when it was fetched.</summary>
    public PageSnapshot? Find(Uri url) => _byUrl.GetValueOrDefault(url);

    /// <summary>The pages that link to <paramref name="url"/>.</summary>
    public IReadOnlyList<Uri> InlinksOf(Uri url) => _inlinks.TryGetValue(url, out var sources) ? sources : [];
}
