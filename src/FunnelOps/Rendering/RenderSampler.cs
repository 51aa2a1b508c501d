using FunnelOps.Crawling;
using FunnelOps.Signals;

namespace FunnelOps.Rendering;

/// <summary>
/// Chooses which pages to render. Pages built from one template share their mobile problems, so a
/// few pages per template (pages with the same <see cref="HtmlSummary.Skeleton"/>) stand for the
/// rest; pages where a problem costs most are rendered whatever their template: every
/// decision-stage page and every page with high traffic in the team's analytics.
/// </summary>
public static class RenderSampler
{
    /// <summary>
    /// The pages to render: every page in <paramref name="mustRender"/> (decision-stage pages), then
    /// high-traffic pages, busiest first, then up to <see cref="RenderSettings.PagesPerTemplate"/>
    /// pages of each template, shallowest first, until <see cref="RenderSettings.MaxSampledPages"/>
    /// is reached; every template keeps at least one page even beyond that.
    /// </summary>
    public static IReadOnlyList<Uri> Sample(CrawlResult crawl, IReadOnlySet<Uri> mustRender, SiteSignals signals,
        RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        ArgumentNullException.ThrowIfNull(mustRender);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(settings);
        var pages = crawl.Pages.ToList();
        var chosen = new List<Uri>();
        var taken = new HashSet<Uri>();
        void Take(Uri url)
        {
            if (taken.Add(url))
            {
                chosen.Add(url);
            }
        }

        // Decision-stage pages, then the busiest pages.
        foreach (var page in pages.Where(p => mustRender.Contains(p.Url)))
        {
            Take(page.Url);
        }

        var busy = pages
            .Select(p => (p.Url, Visits: signals.For(p.Url)?.WeeklyVisits ?? 0))
            .Where(x => x.Visits >= settings.HighTrafficWeeklyVisits)
            .OrderByDescending(x => x.Visits)
            .ThenBy(x => x.Url.AbsoluteUri, StringComparer.Ordinal);
        foreach (var (url, _) in busy.TakeWhile(_ => chosen.Count < settings.MaxSampledPages))
        {
            Take(url);
        }

        // A few pages of each template, in rounds: first one page of every template, then a second.
        var templates = pages
            .GroupBy(p => p.Html?.Skeleton ?? "")
            .Select(g => g.OrderBy(p => p.Depth).ThenBy(p => p.Url.AbsoluteUri.Length)
                .ThenBy(p => p.Url.AbsoluteUri, StringComparer.Ordinal).ToList())
            .OrderBy(g => g[0].Depth)
            .ThenBy(g => g[0].Url.AbsoluteUri, StringComparer.Ordinal)
            .ToList();
        for (var round = 0; round < settings.PagesPerTemplate; round++)
        {
            foreach (var template in templates)
            {
                var already = template.Count(p => taken.Contains(p.Url));
                if (already > round || template.Count <= round)
                {
                    continue;
                }

                if (round > 0 && chosen.Count >= settings.MaxSampledPages)
                {
                    break;
                }

                Take(template.First(p => !taken.Contains(p.Url)).Url);
            }
        }

        return chosen;
    }
}
