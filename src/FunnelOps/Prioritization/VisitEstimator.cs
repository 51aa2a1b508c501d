using FunnelOps.Crawling;

namespace FunnelOps.Prioritization;

/// <summary>
/// Estimates weekly visits per page when the team supplies no analytics: the site's weekly
/// visits are shared out in proportion to each page's internal links plus one, and the start
/// page counts as linked from every page. Crude, and labelled as an estimate wherever shown.
/// </summary>
public sealed class VisitEstimator
{
    private readonly Dictionary<Uri, double> _visits = [];

    /// <summary>Spreads <paramref name="weeklyVisits"/> over the pages of <paramref name="crawl"/>.</summary>
    public VisitEstimator(CrawlResult crawl, double weeklyVisits)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        var pages = crawl.Pages.ToList();
        var weights = pages.ToDictionary(p => p.Url,
            p => 1.0 + (p.Url == crawl.StartUrl ? pages.Count : crawl.InlinksOf(p.Url).Count));
        var total = weights.Values.Sum();
        foreach (var (url, weight) in weights)
        {
            _visits[url] = total == 0 ? 0 : weeklyVisits * weight / total;
        }
    }

    /// <summary>The estimated weekly visits of <paramref name="url"/>, 0 for unknown pages.</summary>
    public double WeeklyVisits(Uri url) => _visits.GetValueOrDefault(url);
}
