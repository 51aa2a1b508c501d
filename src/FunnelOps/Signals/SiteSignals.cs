namespace FunnelOps.Signals;

/// <summary>
/// The signals of every page the exports mention, looked up by crawled URL. Lookups forgive what
/// differs between an export and a crawl: host case and <c>www.</c>, a trailing slash,
/// <c>index.html</c>, query strings and fragments. When the exports come from the production site
/// while the crawl reads staging (a host no export names), a path that only one exported host has
/// still matches. When an export names the crawled host, other hosts in it (a blog subdomain in a
/// Search Console domain property) are other sites and never stand in for its pages.
/// </summary>
public sealed class SiteSignals
{
    private readonly Dictionary<PageKey, PageSignals> _pages = [];
    private readonly Dictionary<string, List<PageKey>> _byPath = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exportedHosts = new(StringComparer.Ordinal);

    /// <summary>Creates the set from one entry per page; entries for the same page are combined.</summary>
    public SiteSignals(IEnumerable<PageSignals> pages)
        : this(pages, exportedHosts: null)
    {
    }

    /// <summary>
    /// Creates the set from one entry per page. <paramref name="exportedHosts"/> are the hosts the
    /// exports wrote out, as <see cref="PageKey"/> has them; null when every entry's host was.
    /// </summary>
    internal SiteSignals(IEnumerable<PageSignals> pages, IEnumerable<string>? exportedHosts)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (exportedHosts is not null)
        {
            _exportedHosts.UnionWith(exportedHosts);
        }

        foreach (var page in pages)
        {
            var key = PageKey.Of(page.Url);
            if (exportedHosts is null)
            {
                _exportedHosts.Add(key.Host);
            }

            if (_pages.TryGetValue(key, out var known))
            {
                _pages[key] = Combine(known, page);
                continue;
            }

            _pages[key] = page;
            if (!_byPath.TryGetValue(key.Path, out var keys))
            {
                _byPath[key.Path] = keys = [];
            }

            keys.Add(key);
        }
    }

    /// <summary>No signals: every figure is estimated.</summary>
    public static SiteSignals None { get; } = new([]);

    /// <summary>Every page with signals.</summary>
    public IReadOnlyCollection<PageSignals> Pages => _pages.Values;

    /// <summary>How many distinct pages (by path) the exports name; one page exported from two hosts counts once.</summary>
    public int PageCount => _byPath.Count;

    /// <summary>
    /// Search queries for the whole site, from a Search Console queries export. Such an export
    /// does not say which page each query leads to, so queries never change a page's figures.
    /// </summary>
    public IReadOnlyList<SearchQuery> Queries { get; init; } = [];

    /// <summary>The exports the signals were read from, with their date ranges.</summary>
    public IReadOnlyList<SignalFileSummary> Sources { get; init; } = [];

    /// <summary>True when no export was read.</summary>
    public bool IsEmpty => _pages.Count == 0 && Queries.Count == 0;

    /// <summary>The signals of <paramref name="url"/>, or null when no export mentions it.</summary>
    public PageSignals? For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = PageKey.Of(url);
        if (!_byPath.TryGetValue(key.Path, out var keys))
        {
            return null;
        }

        // The crawled host's own entry comes first. When no export names the crawled host (exports
        // of production while the crawl reads staging), entries of one other host fill in what it
        // lacks; entries of several other hosts are ambiguous and left out.
        var others = keys.Where(k => k != key).ToList();
        var own = _pages.GetValueOrDefault(key);
        if (_exportedHosts.Contains(key.Host) ||
            others.Select(k => k.Host).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return own;
        }

        var other = _pages[others[0]];
        return own is null ? other with { Url = url } : Combine(own, other);
    }

    /// <summary>Search queries at striking distance: average position 8 to 30, the most impressions first.</summary>
    public IReadOnlyList<SearchQuery> StrikingDistanceQueries(int count) =>
        [.. Queries.Where(q => q.IsStrikingDistance)
            .OrderByDescending(q => q.WeeklyImpressions)
            .ThenBy(q => q.Query, StringComparer.Ordinal)
            .Take(count)];

    // Two entries for one page: each figure from the first entry that has it.
    private static PageSignals Combine(PageSignals first, PageSignals second) => first with
    {
        WeeklyVisits = first.WeeklyVisits ?? second.WeeklyVisits,
        MobileWeeklyVisits = first.MobileWeeklyVisits ?? second.MobileWeeklyVisits,
        MobileBounceRate = first.MobileBounceRate ?? second.MobileBounceRate,
        DesktopBounceRate = first.DesktopBounceRate ?? second.DesktopBounceRate,
        SearchImpressions = first.SearchImpressions ?? second.SearchImpressions,
        SearchClicks = first.SearchClicks ?? second.SearchClicks,
        SearchPosition = first.SearchPosition ?? second.SearchPosition,
        AdClicks = first.AdClicks ?? second.AdClicks,
        AdCost = first.AdCost ?? second.AdCost,
        AdConversions = first.AdConversions ?? second.AdConversions,
    };
}
