using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Signals;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

/// <summary>
/// Every built-in playbook against a small site where it must find its problem, and one where it
/// must not. A playbook added to the catalogue without examples here fails the coverage test.
/// </summary>
public sealed class CatalogueTests
{
    private const string Viewport = """<meta name="viewport" content="width=device-width, initial-scale=1">""";
    private const string Description = """<meta name="description" content="A description long enough to be shown in full under the search result for this page.">""";

    // Signals are written before the test server's address is known; each run puts in the page's URL.
    private static readonly Uri Anywhere = new("https://example.invalid/");

    private static readonly IReadOnlyList<Playbook> Catalogue = Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]);

    // id -> (page checked, files of a site with the problem, files of the same site without it, renders)
    private static readonly Dictionary<string, Example> Examples = new()
    {
        ["meta-description-missing"] = Single("/features/", Page("Features", ""), Page("Features", Description)),
        ["meta-description-length"] = Single("/features/", Page("Features", """<meta name="description" content="Too short.">"""), Page("Features", Description)),
        ["duplicate-meta-description"] = Pair(Description, """<meta name="description" content="A different description, long enough to show in full under this other search result.">"""),
        ["title-missing"] = Single("/features/", Html.Page("", Description), Page("Features", Description)),
        ["title-too-long"] = Single("/features/", Page(new string('T', 70), Description), Page("Features", Description)),
        ["duplicate-title"] = new("/features/a/",
            [("features/a/index.html", Page("Same", Description)), ("features/b/index.html", Page("Same", Description)), Index("/features/a/", "/features/b/")],
            [("features/a/index.html", Page("One", Description)), ("features/b/index.html", Page("Two", Description)), Index("/features/a/", "/features/b/")]),
        ["h1-missing"] = Single("/features/", "<html lang=\"en\"><head><title>Features</title></head><body><p>Text.</p></body></html>", Page("Features", Description)),
        ["multiple-h1"] = Single("/features/", Page("Features", Description, "<h1>Another</h1>"), Page("Features", Description)),
        ["html-lang-missing"] = Single("/features/", "<html><head><title>Features</title></head><body><h1>Features</h1></body></html>", Page("Features", Description)),
        ["canonical-missing"] = Single("/features/", Page("Features", Description), Page("Features", Description + """<link rel="canonical" href="/features/">""")),
        ["canonical-points-elsewhere"] = Single("/features/", Page("Features", """<link rel="canonical" href="/other/">"""), Page("Features", """<link rel="canonical" href="/features/">""")),
        ["viewport-missing"] = Single("/features/", Page("Features", ""), Page("Features", Viewport)),
        ["noindex-decision-page"] = Single("/pricing/", Page("Pricing", """<meta name="robots" content="noindex">"""), Page("Pricing", "")),
        ["indexing-blocked"] = Single("/blog/post/", Page("Post", """<meta name="robots" content="noindex, nofollow">"""), Page("Post", "")),
        ["render-blocking-script"] = Single("/demo/", Page("Demo", """<script src="/chat.js"></script>"""), Page("Demo", """<script src="/chat.js" defer></script>""")),
        ["broken-internal-link"] = Single("/features/", Page("Features", "", """<a href="/gone/">Gone</a>"""), Page("Features", "", """<a href="/">Home</a>""")),
        ["redirect-chain-link"] = new("/features/",
            [("features/index.html", Page("Features", "", """<a href="/old/">Old</a>""")), ("_redirects", "/old/ /older/ 301\n/older/ /new/ 301"), ("new/index.html", Page("New", "")), Index("/features/")],
            [("features/index.html", Page("Features", "", """<a href="/new/">New</a>""")), ("new/index.html", Page("New", "")), Index("/features/")]),
        ["image-missing-alt"] = Single("/features/", Page("Features", "", """<img src="/a.png" width="1" height="1">"""), Page("Features", "", """<img src="/a.png" alt="" width="1" height="1">""")),
        ["image-missing-dimensions"] = Single("/features/", Page("Features", "", """<img src="/a.png" alt="A">"""), Page("Features", "", """<img src="/a.png" alt="A" width="1" height="1">""")),
        ["non-descriptive-link-text"] = Single("/features/", Page("Features", "", """<a href="/">Read more</a>"""), Page("Features", "", """<a href="/">Read the sprint planning guide</a>""")),
        ["uncrawlable-links"] = Single("/features/", Page("Features", "", """<a href="javascript:void(0)">Open</a>"""), Page("Features", "", """<a href="/">Open</a>""")),
        ["thin-blog-post"] = Single("/blog/post/", Page("Post", "", "<p>Short.</p>"), Page("Post", "", "<p>" + string.Join(' ', Enumerable.Repeat("word", 320)) + "</p>")),
        ["structured-data-invalid"] = Single("/features/", Page("Features", """<script type="application/ld+json">{ "@type": </script>"""), Page("Features", """<script type="application/ld+json">{ "@type": "Product" }</script>""")),
        ["orphan-page"] = new("/features/lonely/",
            [("features/lonely/index.html", Page("Lonely", "")), ("sitemap.xml", Sitemap("/features/lonely/"))],
            [("features/lonely/index.html", Page("Lonely", "")), ("sitemap.xml", Sitemap("/features/lonely/")), Index("/features/lonely/")]),
        ["decision-page-too-deep"] = new("/pricing/",
            [Index("/a/"), ("a/index.html", Page("A", "", """<a href="/b/">B</a>""")), ("b/index.html", Page("B", "", """<a href="/pricing/">Pricing</a>""")), ("pricing/index.html", Page("Pricing", ""))],
            [Index("/pricing/"), ("pricing/index.html", Page("Pricing", ""))]),
        ["slow-server-response"] = new("/features/", [], []), // timed by the server; see its own test below
        ["horizontal-overflow"] = Rendered("/features/", RenderMetrics.HorizontalOverflow, "364", "0"),
        ["small-tap-targets"] = Rendered("/features/", RenderMetrics.SmallTapTargets, "12", "0"),
        ["lcp-image-lazy"] = Rendered("/features/", RenderMetrics.LcpImageLazy, "1", "0"),
        ["slow-lcp"] = Rendered("/features/", RenderMetrics.Lcp, "4100", "1200"),
        ["small-text"] = Rendered("/features/", RenderMetrics.SmallTextShare, "0.85", "0.05"),
        ["layout-shift"] = Rendered("/features/", RenderMetrics.Cls, "0.31", "0.02"),
        ["total-blocking-time"] = Rendered("/features/", RenderMetrics.TotalBlockingTime, "750", "40"),
        ["gated-comparison-asset"] = Single("/resources/comparison-guide/", Page("Guide", "", Form(8, "/files/guide.pdf")), Page("Guide", "", Form(3, "/files/guide.pdf"))),
        ["demo-form-too-long"] = Single("/demo/", Page("Demo", "", Form(9, null)), Page("Demo", "", Form(4, null))),
        ["no-path-to-demo"] = Single("/features/", Page("Features", "", """<a href="/blog/">Blog</a>"""), Page("Features", "", """<a href="/demo/">Book a demo</a>""")),
        ["pricing-without-next-step"] = Single("/pricing/", Page("Pricing", "", "<p>Plans.</p>"), Page("Pricing", "", """<a href="/demo/">Talk to sales</a>""")),
        ["changelog-without-subscribe"] = Single("/changelog/", Page("Changelog", "", "<p>News.</p>"), Page("Changelog", """<link rel="alternate" type="application/rss+xml" href="/changelog.xml">""")),
        ["webinar-without-event-data"] = Single("/webinars/series/one/", Page("Episode", ""), Page("Episode", """<script type="application/ld+json">{ "@type": "Event", "name": "One" }</script>""")),
        ["sitemap-unindexable-urls"] = new("/",
            [Index("/a/"), ("a/index.html", Page("A", "")), ("sitemap.xml", Sitemap("/a/", "/gone/"))],
            [Index("/a/"), ("a/index.html", Page("A", "")), ("sitemap.xml", Sitemap("/a/"))]),
        ["robots-txt-problems"] = new("/",
            [Index("/private/"), ("private/index.html", Page("Private", "")), ("robots.txt", "User-agent: *\nDisallow: /private/\n")],
            [Index("/private/"), ("private/index.html", Page("Private", "")), ("robots.txt", "User-agent: *\nDisallow: /admin/\n")]),
        ["hreflang-problems"] = new("/features/",
            [("features/index.html", Page("Features", """<link rel="alternate" hreflang="en" href="{origin}/features/"><link rel="alternate" hreflang="de" href="{origin}/de/features/">""")),
                ("de/features/index.html", Page("Funktionen", "")), Index("/features/", "/de/features/")],
            [("features/index.html", Page("Features", """<link rel="alternate" hreflang="en" href="{origin}/features/"><link rel="alternate" hreflang="de" href="{origin}/de/features/">""")),
                ("de/features/index.html", Page("Funktionen", """<link rel="alternate" hreflang="en" href="{origin}/features/"><link rel="alternate" hreflang="de" href="{origin}/de/features/">""")),
                Index("/features/", "/de/features/")]),
        ["mobile-bounce-gap"] = WithSignals("/features/",
            new() { Url = Anywhere, MobileWeeklyVisits = 300, MobileBounceRate = 0.78, DesktopBounceRate = 0.41 },
            new() { Url = Anywhere, MobileWeeklyVisits = 300, MobileBounceRate = 0.48, DesktopBounceRate = 0.41 }),
        ["search-striking-distance"] = WithSignals("/features/",
            new() { Url = Anywhere, SearchImpressions = 4_000, SearchPosition = 11.4 },
            new() { Url = Anywhere, SearchImpressions = 4_000, SearchPosition = 3.2 }),
        ["low-search-click-rate"] = WithSignals("/features/",
            new() { Url = Anywhere, SearchImpressions = 4_000, SearchClicks = 30, SearchPosition = 3.2 },
            new() { Url = Anywhere, SearchImpressions = 4_000, SearchClicks = 300, SearchPosition = 3.2 }),
        ["paid-landing-page-without-next-step"] = new("/features/",
            [("features/index.html", Page("Features", "")), Index("/features/")],
            [("features/index.html", Page("Features", "", """<a href="/demo/">Book a demo</a>""")), Index("/features/")])
        {
            HitSignals = new() { Url = Anywhere, AdClicks = 120, AdCost = 540 },
            CleanSignals = new() { Url = Anywhere, AdClicks = 120, AdCost = 540 },
        },
        ["newsletter-without-signup"] = Single("/newsletter/", Page("Newsletter", "", "<p>Monthly.</p>"), Page("Newsletter", "", """<form action="/subscribe/"><input type="email" name="email"><button>Subscribe</button></form>""")),
    };

    public static TheoryData<string> PlaybookIds() => [.. Catalogue.Select(p => p.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_catalogue_covers_every_stage_with_at_least_four_playbooks_and_every_playbook_has_examples()
    {
        Assert.True(Catalogue.Count >= 30, $"{Catalogue.Count} playbooks");
        Assert.All(StageNames.All, stage => Assert.True(Catalogue.Count(p => p.Stages.Contains(stage)) >= 4, stage.ToName()));
        Assert.DoesNotContain(Catalogue, p => !Examples.ContainsKey(p.Id));
    }

    [Theory]
    [MemberData(nameof(PlaybookIds))]
    public async Task Each_playbook_finds_its_problem_and_stays_quiet_when_it_is_fixed(string id)
    {
        var playbook = Catalogue.Single(p => p.Id == id);
        var example = Examples[id];
        if (example.Files.Count == 0 && example.Metric.Length == 0)
        {
            return; // slow-server-response is measured in its own test.
        }

        Assert.True(await FindsAsync(playbook, example, example.Files, example.HitValue, example.HitSignals), $"{id} missed its problem");
        Assert.False(await FindsAsync(playbook, example, example.CleanFiles, example.CleanValue, example.CleanSignals), $"{id} fired on a clean page");
    }

    [Fact]
    public async Task The_slow_server_playbook_reads_the_time_to_first_byte()
    {
        var playbook = Catalogue.Single(p => p.Id == "slow-server-response");
        await using var site = await ServedSite.StartAsync(("features/index.html", Page("Features", "")));
        var crawl = await Engine.CrawlAsync(site.Url("/features/"));
        var page = crawl.Find(site.Url("/features/"))!;
        var slow = new CrawlResult(crawl.StartUrl, [page with { TimeToFirstByte = TimeSpan.FromSeconds(2) }], []);
        var stages = new Dictionary<Uri, PageStage> { [page.Url] = new(page.Url, Stage.Consideration, "test") };

        Assert.NotEmpty(PlaybookEvaluator.Evaluate([playbook], slow, stages, new Dictionary<Uri, RenderResult>()));
        Assert.Empty(PlaybookEvaluator.Evaluate([playbook], crawl, stages, new Dictionary<Uri, RenderResult>()));
    }

    private static async Task<bool> FindsAsync(
        Playbook playbook, Example example, IReadOnlyList<(string, string)> files, double? metric, PageSignals? signals)
    {
        await using var site = await ServedSite.StartAsync([.. files.DefaultIfEmpty(("features/index.html", Page("Features", "")))]);
        foreach (var (path, contents) in files.Where(f => f.Item2.Contains("{origin}", StringComparison.Ordinal)))
        {
            // Full addresses need the test server's port, known only once it runs.
            site.Folder.Write(path, contents.Replace("{origin}", site.Address.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        }

        var crawl = await Engine.CrawlAsync(site.Address, [.. PlaybookEvaluator.ProbesFor([playbook])]);
        var url = site.Url(example.Path);
        var stages = crawl.Pages.ToDictionary(p => p.Url, new StageClassifier([]).Classify);
        var renders = new Dictionary<Uri, RenderResult>();
        if (metric is { } value)
        {
            renders[url] = new RenderResult
            {
                Url = url,
                Metrics = new Dictionary<string, double> { [example.Metric] = value },
                Evidence = new Dictionary<string, IReadOnlyList<string>> { [example.Metric] = ["""img[src="/hero.png"]"""] },
            };
        }

        var known = signals is null ? SiteSignals.None : new SiteSignals([signals with { Url = url }]);
        return PlaybookEvaluator.Evaluate([playbook], crawl, stages, renders, known).Any(f => f.Urls.Contains(url));
    }

    private static string Page(string title, string head, string body = "<p>Text.</p>") =>
        Html.Page(title, head, body + """<a href="/">Home</a>""");

    private static (string, string) Index(params string[] links) =>
        ("index.html", Html.Page("Home", "", string.Join(' ', links.Select(l => $"""<a href="{l}">{l}</a>"""))));

    private static string Sitemap(params string[] paths) =>
        """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""" +
        string.Concat(paths.Select(path => $"<url><loc>{path}</loc></url>")) + "</urlset>";

    // The same page, with the team's figures showing the problem and then not.
    private static Example WithSignals(string path, PageSignals hit, PageSignals clean)
    {
        var file = path.Trim('/') + "/index.html";
        IReadOnlyList<(string, string)> files = [(file, Page("Features", "")), Index(path)];
        return new(path, files, files) { HitSignals = hit, CleanSignals = clean };
    }

    private static string Form(int fields, string? asset) =>
        "<form action=\"/thanks/\">" + string.Concat(Enumerable.Range(1, fields).Select(i => $"""<input name="f{i}">""")) +
        (asset is null ? "" : $"""<input type="hidden" name="asset" value="{asset}">""") + "<button>Send</button></form>";

    private static Example Single(string path, string hit, string clean)
    {
        var file = path.Trim('/') + "/index.html";
        return new(path, [(file, hit), Index(path)], [(file, clean), Index(path)]);
    }

    private static Example Pair(string firstHead, string secondHead) => new("/features/a/",
        [("features/a/index.html", Page("A", Description)), ("features/b/index.html", Page("B", Description)), Index("/features/a/", "/features/b/")],
        [("features/a/index.html", Page("A", firstHead)), ("features/b/index.html", Page("B", secondHead)), Index("/features/a/", "/features/b/")]);

    private static Example Rendered(string path, string metric, params string[] values)
    {
        var file = path.Trim('/') + "/index.html";
        IReadOnlyList<(string, string)> files = metric.Length == 0 ? [] : [(file, Page("Features", "")), Index(path)];
        return new(path, files, files)
        {
            Metric = metric,
            HitValue = values.Length > 0 ? double.Parse(values[0], System.Globalization.CultureInfo.InvariantCulture) : null,
            CleanValue = values.Length > 1 ? double.Parse(values[1], System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    private sealed record Example(string Path, IReadOnlyList<(string, string)> Files, IReadOnlyList<(string, string)> CleanFiles)
    {
        public string Metric { get; init; } = "";
        public double? HitValue { get; init; }
        public double? CleanValue { get; init; }
        public PageSignals? HitSignals { get; init; }
        public PageSignals? CleanSignals { get; init; }
    }
}
