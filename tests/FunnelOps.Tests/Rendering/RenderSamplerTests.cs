using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Rendering;
using FunnelOps.Signals;

namespace FunnelOps.Tests.Rendering;

/// <summary>Which pages are rendered: a few per template, plus decision-stage and busy pages.</summary>
public sealed class RenderSamplerTests
{
    private static readonly Uri Site = new("https://www.example.com/");

    [Fact]
    public void Pages_of_one_template_share_a_skeleton_whatever_their_text_and_number_of_cards()
    {
        var short1 = Skeleton(Template(3, cards: 2, paragraphs: 1));
        var long1 = Skeleton(Template(3, cards: 9, paragraphs: 7));
        var other = Skeleton(Template(4, cards: 2, paragraphs: 1));

        Assert.Equal(short1, long1);
        Assert.NotEqual(short1, other);
        Assert.Equal(16, short1.Length);
    }

    [Fact]
    public void A_10000_page_site_of_12_templates_is_sampled_to_a_few_dozen_pages_covering_every_template()
    {
        var parser = new PageParser([]);
        var pages = new List<PageSnapshot>();
        for (var i = 0; i < 10_000; i++)
        {
            var template = i % 12;
            // Sections (first path segment) cut across templates, so a per-section sample would miss some.
            var url = new Uri(Site, $"/section-{i % 5}/t{template}-page-{i}/");
            var html = parser.Parse(url, Encoding.UTF8.GetBytes(Template(template, cards: 1 + (i % 7), paragraphs: 1 + (i % 4))), "utf-8");
            pages.Add(new PageSnapshot { Url = url, Status = 200, Depth = 1 + (i % 4), ContentType = "text/html", Html = html });
        }

        var crawl = new CrawlResult(Site, pages, []);
        var decision = pages.Where(p => p.Url.AbsolutePath.EndsWith("-page-77/", StringComparison.Ordinal) ||
            p.Url.AbsolutePath.EndsWith("-page-78/", StringComparison.Ordinal)).Select(p => p.Url).ToHashSet();
        var busy = new[] { pages[5_001].Url, pages[9_999].Url, pages[4_242].Url };
        var signals = new SiteSignals(pages.Select(p => new PageSignals
        {
            Url = p.Url,
            WeeklyVisits = busy.Contains(p.Url) ? 4_000 : 12,
        }));

        var sample = RenderSampler.Sample(crawl, decision, signals, RenderSettings.Default);

        Assert.InRange(sample.Count, 12, RenderSettings.Default.MaxSampledPages);
        Assert.Equal(sample.Count, sample.Distinct().Count());
        var perTemplate = sample.GroupBy(u => crawl.Find(u)!.Html!.Skeleton).ToList();
        Assert.Equal(12, perTemplate.Count);
        Assert.All(perTemplate, g => Assert.InRange(g.Count(), 1, 2 + 3));
        Assert.Subset(sample.ToHashSet(), decision);
        Assert.Subset(sample.ToHashSet(), busy.ToHashSet());
        Assert.Equal(12, pages.Select(p => p.Html!.Skeleton).Distinct().Count());
    }

    [Fact]
    public void Every_template_keeps_one_page_even_when_decision_pages_fill_the_sample()
    {
        var parser = new PageParser([]);
        var pages = Enumerable.Range(0, 300).Select(i =>
        {
            var url = new Uri(Site, $"/p{i}/");
            return new PageSnapshot { Url = url, Status = 200, Depth = 1, Html = parser.Parse(url, Encoding.UTF8.GetBytes(Template(i % 6, 1, 1)), "utf-8") };
        }).ToList();
        var decision = pages.Where(p => p.Html!.Skeleton == pages[0].Html!.Skeleton).Take(30).Select(p => p.Url).ToHashSet();

        var sample = RenderSampler.Sample(new CrawlResult(Site, pages, []), decision, SiteSignals.None,
            RenderSettings.Default with { MaxSampledPages = 10 });

        Assert.Equal(30 + 5, sample.Count);
        Assert.Equal(6, sample.Select(u => pages.Single(p => p.Url == u).Html!.Skeleton).Distinct().Count());
    }

    private static string Skeleton(string html) =>
        new PageParser([]).Parse(new Uri(Site, "/x/"), Encoding.UTF8.GetBytes(html), "utf-8").Skeleton;

    // A page of template <paramref name="template"/>: the same header, footer and layout classes,
    // with as many cards and paragraphs as the page's content needs.
    private static string Template(int template, int cards, int paragraphs)
    {
        var card = $"""<div class="card card-{template % 3}"><h3>Card</h3><p>Some text {cards}.</p></div>""";
        var sidebar = template % 2 == 0 ? """<aside class="sidebar"><ul><li><a href="/">Related</a></li></ul></aside>""" : "";
        return $"""
            <!doctype html><html lang="en"><head><title>Page {template}</title></head><body>
            <header class="site-header"><nav class="primary"><a href="/">Home</a></nav></header>
            <main class="layout-{template / 2}">
              <section class="hero"><h1>Title of page with {paragraphs} paragraphs</h1></section>
              <div class="grid">{string.Concat(Enumerable.Repeat(card, cards))}</div>
              <article>{string.Concat(Enumerable.Repeat("<p>Words and <strong>more</strong> words.</p>", paragraphs))}</article>
              {sidebar}
            </main>
            <footer class="site-footer"><nav class="footer-links"><a href="/a/">A</a><a href="/b/">B</a></nav></footer>
            </body></html>
            """;
    }
}
