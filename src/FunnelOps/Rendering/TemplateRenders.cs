using FunnelOps.Crawling;

namespace FunnelOps.Rendering;

/// <summary>
/// The renders that stand for a page: its own when it was rendered, otherwise those of the sampled
/// pages built from the same template (the same <see cref="HtmlSummary.Skeleton"/>).
/// </summary>
public sealed class TemplateRenders
{
    private readonly CrawlResult _crawl;
    private readonly IReadOnlyDictionary<Uri, RenderResult> _renders;
    private Dictionary<string, List<RenderResult>>? _byTemplate;

    /// <summary>Creates the lookup over one run's crawl and renders; the grouping is built on first use.</summary>
    public TemplateRenders(CrawlResult crawl, IReadOnlyDictionary<Uri, RenderResult> renders)
    {
        _crawl = crawl;
        _renders = renders;
    }

    /// <summary>
    /// The page's own render (<c>Own</c> true), or the successful renders of its template's sampled
    /// pages (<c>Own</c> false), or none.
    /// </summary>
    public (IReadOnlyList<RenderResult> Renders, bool Own) For(PageSnapshot page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (_renders.TryGetValue(page.Url, out var own))
        {
            return ([own], true);
        }

        if (page.Html is not { Skeleton.Length: > 0 } html)
        {
            return ([], false);
        }

        _byTemplate ??= _renders.Values
            .Where(r => r.Error is null && _crawl.Find(r.Url)?.Html is { Skeleton.Length: > 0 })
            .GroupBy(r => _crawl.Find(r.Url)!.Html!.Skeleton, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return _byTemplate.TryGetValue(html.Skeleton, out var sampled) ? (sampled, false) : ([], false);
    }
}
