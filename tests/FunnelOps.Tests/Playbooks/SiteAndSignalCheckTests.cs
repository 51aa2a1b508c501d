using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Signals;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

/// <summary>
/// The check kinds that read beyond one page's markup: the team's signals, page conditions in the
/// scope, the evidence list, the sitemap, robots.txt and language alternates.
/// </summary>
public sealed class SiteAndSignalCheckTests
{
    private const string SignalCheck = """
          - kind: signal
            signal: mobile-bounce-gap
            max: 0.15
        """;

    private static readonly Dictionary<Uri, RenderResult> NoRenders = [];

    [Fact]
    public async Task A_signal_check_fires_outside_its_bounds_and_says_what_was_measured()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml(SignalCheck));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home", "", """<a href="/a/">A</a>""")),
            ("a/index.html", Html.Page("A")));
        var crawl = await Engine.CrawlAsync(site.Address);
        var signals = new SiteSignals([
            new PageSignals { Url = site.Url("/"), MobileBounceRate = 0.7, DesktopBounceRate = 0.4 },
            new PageSignals { Url = site.Url("/a/"), MobileBounceRate = 0.45, DesktopBounceRate = 0.4 },
        ]);

        var finding = Assert.Single(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders, signals));

        Assert.Equal([site.Url("/")], finding.Urls);
        Assert.Contains("mobile-bounce-gap 0.3; expected at most 0.15", Assert.Single(finding.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_without_signals_pass_a_signal_check()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml(SignalCheck));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));
        var crawl = await Engine.CrawlAsync(site.Address);
        var onlyDesktop = new SiteSignals([new PageSignals { Url = site.Url("/"), DesktopBounceRate = 0.2 }]);

        Assert.Empty(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders));
        Assert.Empty(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders, onlyDesktop));
    }

    [Theory]
    [InlineData(0.04, 100.0, 1)] // a low rate on a page with enough impressions
    [InlineData(0.04, 50.0, 0)] // too few impressions: out of scope
    [InlineData(0.20, 100.0, 0)] // a healthy rate
    public async Task Scope_conditions_choose_the_pages_a_playbook_looks_at(double ctr, double impressions, int expected)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: signal
                signal: search-ctr
                min: 0.05
            """, scope: """
            scope:
              where:
                - kind: signal
                  signal: search-impressions
                  min: 80
            """));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));
        var crawl = await Engine.CrawlAsync(site.Address);
        var signals = new SiteSignals([new PageSignals
        {
            Url = site.Url("/"), SearchImpressions = impressions, SearchClicks = impressions * ctr,
        }]);

        Assert.Equal(expected, PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders, signals).Count);
    }

    [Fact]
    public async Task A_selector_condition_in_the_scope_is_probed_by_the_crawl()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: word-count
                min: 50
            """, scope: """
            scope:
              where:
                - kind: selector
                  selector: form
                  expect: present
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", "", """<a href="/a/">A</a><form><input name="e"></form>""")),
            ("a/index.html", Html.Page("A")));
        var crawl = await Engine.CrawlAsync(site.Address, [.. PlaybookEvaluator.ProbesFor([playbook])]);

        var finding = Assert.Single(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders));
        Assert.Equal([site.Url("/")], finding.Urls);
    }

    [Fact]
    public async Task The_evidence_list_records_page_fields_metrics_and_signals_with_each_finding()
    {
        var yaml = PlaybookText.Yaml("""
              - kind: field
                field: word-count
                min: 50
            """).Replace("checks:", "evidence: [title, word-count, lcp-ms, weekly-visits, search-position]\nchecks:", StringComparison.Ordinal);
        var playbook = PlaybookText.Load(yaml);
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home", "", "<p>Four words of text.</p>")));
        var crawl = await Engine.CrawlAsync(site.Address);
        var renders = new Dictionary<Uri, RenderResult>
        {
            [site.Url("/")] = new() { Url = site.Url("/"), Metrics = new Dictionary<string, double> { [RenderMetrics.Lcp] = 1834.4 } },
        };
        var signals = new SiteSignals([new PageSignals { Url = site.Url("/"), WeeklyVisits = 420 }]);

        var finding = Assert.Single(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), renders, signals));

        Assert.Equal(
            [new("title", "Home"), new("word-count", "5"), new("lcp-ms", "1834.4"), new("weekly-visits", "420"), new("search-position", "unknown")],
            finding.Facts);
    }

    [Theory]
    [InlineData("evidence: [bounce]", "Unknown evidence \"bounce\".")]
    [InlineData("checks:\n  - kind: signal\n    signal: revenue\n    max: 1", "Unknown signal \"revenue\".")]
    [InlineData("checks:\n  - kind: signal\n    signal: ad-cost", "A signal check needs min, max or both.")]
    [InlineData("scope:\n  where:\n    - kind: sitemap", "A \"sitemap\" check looks at the whole site and cannot choose pages")]
    public void Mistakes_in_the_new_fields_are_named_with_their_line(string fragment, string expected)
    {
        var yaml = """
            id: broken
            title: Broken
            stages: [awareness]
            channel: seo
            checks:
              - kind: selector
                selector: h1
                expect: present
            scoring:
              uplift: 0.1
              uplift_source: a study
              confidence: 0.5
              effort: 1
            pr:
              title: t
              why: w
              verify: v
            """;
        yaml = fragment.StartsWith("checks:", StringComparison.Ordinal)
            ? yaml.Replace("checks:\n  - kind: selector\n    selector: h1\n    expect: present", fragment, StringComparison.Ordinal)
            : yaml.Replace("scoring:", fragment + "\nscoring:", StringComparison.Ordinal);
        var errors = new List<PlaybookError>();

        Assert.Null(Engine.PlaybookLoader().LoadFile("broken.yml", yaml, errors));

        var error = Assert.Single(errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0, "the error names its line");
    }

    [Fact]
    public async Task The_sitemap_check_names_every_entry_a_search_engine_cannot_index()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("  - kind: sitemap"));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", "", """<a href="/a/">A</a>""")),
            ("a/index.html", Html.Page("A")),
            ("hidden/index.html", Html.Page("Hidden", """<meta name="robots" content="noindex">""")),
            ("copy/index.html", Html.Page("Copy", """<link rel="canonical" href="/a/">""")),
            ("_redirects", "/moved/ /a/ 301"),
            ("robots.txt", "User-agent: *\nDisallow: /private/\n"),
            ("sitemap.xml", """
                <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>/a/</loc></url><url><loc>/gone/</loc></url><url><loc>/hidden/</loc></url>
                <url><loc>/copy/</loc></url><url><loc>/moved/</loc></url><url><loc>/private/</loc></url></urlset>
                """));
        var crawl = await Engine.CrawlAsync(site.Address);

        var finding = Assert.Single(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders));

        Assert.Equal([site.Url("/")], finding.Urls);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Contains("5 address(es)", evidence, StringComparison.Ordinal);
        Assert.Contains("/gone/ answers 404", evidence, StringComparison.Ordinal);
        Assert.Contains("/hidden/ is marked noindex", evidence, StringComparison.Ordinal);
        Assert.Contains("/copy/ names /a/ as its canonical version", evidence, StringComparison.Ordinal);
        Assert.Contains("/moved/ redirects to /a/", evidence, StringComparison.Ordinal);
        Assert.Contains("/private/ is blocked by robots.txt", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(evidence.Split(": ", 2)[1].Split("; "), entry => entry.StartsWith("/a/ ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_robots_check_reports_unusable_lines_and_blocked_pages_the_site_links_to()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("  - kind: robots-txt"));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", "", """<a href="/pricing/">Pricing</a>""")),
            ("pricing/index.html", Html.Page("Pricing")),
            ("robots.txt", "Disallow: /tmp/\nUser-agent: *\nDisallow: /pricing/\nDisalow: /x/\nCrawl-delay: soon\nSitemap: /sitemap.xml\n"));
        var crawl = await Engine.CrawlAsync(site.Address);

        var finding = Assert.Single(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders));

        Assert.Equal(2, finding.Evidence.Count);
        Assert.Contains("4 line(s)", finding.Evidence[0], StringComparison.Ordinal);
        Assert.Contains("line 1: \"disallow\" comes before any user-agent line", finding.Evidence[0], StringComparison.Ordinal);
        Assert.Contains("line 4: \"disalow\" is not a robots.txt directive", finding.Evidence[0], StringComparison.Ordinal);
        Assert.Contains("line 5: the crawl-delay \"soon\" is not a number", finding.Evidence[0], StringComparison.Ordinal);
        Assert.Contains("line 6: the sitemap \"/sitemap.xml\" is not a full http(s) address", finding.Evidence[0], StringComparison.Ordinal);
        Assert.Contains("/pricing/", finding.Evidence[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_robots_file_has_no_problems_and_a_huge_one_is_bounded()
    {
        Assert.Empty(RobotsRules.Parse("# comment\nUser-agent: *\nAllow: /\nDisallow: /admin/*$\nCrawl-delay: 2\n\nSitemap: https://example.com/sitemap.xml\n").Problems);
        Assert.Equal(20, RobotsRules.Parse(string.Concat(Enumerable.Repeat("nonsense\n", 5_000))).Problems.Count);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("de-AT", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("es-419", true)]
    [InlineData("x-default", true)]
    [InlineData("english", false)]
    [InlineData("en_GB", false)]
    [InlineData("en-", false)]
    public void Language_codes_follow_the_rules_search_engines_apply(string code, bool valid) =>
        Assert.Equal(valid, SiteChecks.IsValidLanguage(code));

    [Fact]
    public async Task The_hreflang_check_reports_bad_codes_relative_addresses_broken_alternates_and_missing_return_links()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("  - kind: hreflang"));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home", "", """<a href="/en/">EN</a>""")));
        var origin = site.Address.GetLeftPart(UriPartial.Authority);
        site.Folder.Write("en/index.html", Html.Page("English", $"""
            <link rel="alternate" hreflang="english" href="{origin}/en/">
            <link rel="alternate" hreflang="fr" href="/fr/">
            <link rel="alternate" hreflang="de" href="{origin}/de/">
            <link rel="alternate" hreflang="es" href="{origin}/es/">
            """, """<a href="/de/">DE</a><a href="/es/">ES</a>"""));
        site.Folder.Write("es/index.html", Html.Page("Español"));
        var crawl = await Engine.CrawlAsync(site.Address);

        var finding = Assert.Single(PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl), NoRenders));

        Assert.Equal([site.Url("/en/")], finding.Urls);
        Assert.Collection(finding.Evidence,
            e => Assert.StartsWith("\"english\" is not a language code", e, StringComparison.Ordinal),
            e => Assert.Contains("\"fr\" uses a relative address", e, StringComparison.Ordinal),
            e => Assert.Equal("The alternate for \"de\" (/de/) answers 404.", e),
            e => Assert.Equal("The alternate for \"es\" (/es/) does not link back to this page.", e));
    }
}
