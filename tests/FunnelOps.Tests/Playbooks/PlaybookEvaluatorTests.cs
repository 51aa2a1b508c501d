using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

public sealed class PlaybookEvaluatorTests
{
    private const string Description = """<meta name="description" content="Plan sprints and ship on time.">""";
    private const string Noindex = """<meta name="robots" content="noindex">""";

    private static readonly Playbook DescriptionPresent = PlaybookText.Load(PlaybookText.Yaml("""
          - kind: selector
            selector: 'meta[name="description"]'
            expect: present
        """, id: "meta-description-missing"));

    [Fact]
    public async Task A_selector_that_must_be_present_finds_the_pages_where_it_matches_nothing()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", Description, """<a href="/blog/post/">Post</a>""")),
            ("blog/post/index.html", Html.Page("Post")));

        var findings = await EvaluateAsync(site, DescriptionPresent);

        var finding = Assert.Single(findings);
        Assert.Equal([site.Url("/blog/post/")], finding.Urls);
        Assert.Equal(["Nothing on the page matches `meta[name=\"description\"]`."], finding.Evidence);
        Assert.Equal("""meta[name="description"]""", finding.Target.Selector);
        Assert.Equal("Post", finding.PageTitle);
        Assert.Equal(Stage.Awareness, finding.Stage);
        Assert.Same(DescriptionPresent, finding.Playbook);
    }

    [Fact]
    public async Task A_selector_that_must_be_absent_finds_the_pages_where_it_matches_with_the_markup_as_evidence()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: 'meta[name="robots"][content*="noindex"]'
                expect: absent
                message: A robots noindex hides the page.
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/pricing/">Pricing</a>""")),
            ("pricing/index.html", Html.Page("Pricing", Noindex)));

        var findings = await EvaluateAsync(site, playbook);

        var finding = Assert.Single(findings);
        Assert.Equal([site.Url("/pricing/")], finding.Urls);
        Assert.Equal(["""A robots noindex hides the page. It is `<meta name="robots" content="noindex">`"""], finding.Evidence);
        Assert.Equal([Noindex], finding.Elements);
    }

    [Fact]
    public async Task A_selector_matching_several_elements_counts_them_and_shows_the_first()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: 'img:not([alt])'
                expect: absent
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<img src="/a.png"><img src="/b.png"><img src="/c.png" alt="C">""")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal(
            ["""2 element(s) match `img:not([alt])`. 2 elements; the first is `<img src="/a.png">`"""],
            finding.Evidence);
    }

    [Fact]
    public async Task Pages_sharing_a_title_are_one_finding_naming_every_page()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: duplicate
                field: title
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/a/">A</a> <a href="/b/">B</a> <a href="/c/">C</a>""")),
            ("a/index.html", Html.Page("Keelboard for teams")),
            ("b/index.html", Html.Page("  KEELBOARD for teams ")),
            ("c/index.html", Html.Page("Keelboard pricing")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal([site.Url("/a/"), site.Url("/b/")], finding.Urls);
        Assert.Equal(["2 pages share the same title. \"Keelboard for teams\""], finding.Evidence);
    }

    [Fact]
    public async Task Pages_sharing_a_meta_description_are_found_and_pages_without_one_are_not()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: duplicate
                field: meta-description
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", Description, """<a href="/a/">A</a> <a href="/b/">B</a> <a href="/c/">C</a>""")),
            ("a/index.html", Html.Page("A", Description)),
            ("b/index.html", Html.Page("B")),
            ("c/index.html", Html.Page("C")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal([site.Address, site.Url("/a/")], finding.Urls);
    }

    [Fact]
    public async Task A_link_to_a_missing_page_is_reported_as_broken()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: link-status
                broken: true
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/gone/">Old guide</a> <a href="/ok/">Fine</a>""")),
            ("ok/index.html", Html.Page("Fine")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal([site.Address], finding.Urls);
        Assert.Equal(["The link \"Old guide\" to /gone/ answers 404."], finding.Evidence);
    }

    [Fact]
    public async Task A_link_into_a_redirect_loop_is_reported_as_broken()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: link-status
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/a">Loop</a>""")),
            ("_redirects", """
                /a /b
                /b /a
                """));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal(["The link \"Loop\" to /a answers 301."], finding.Evidence);
    }

    [Fact]
    public async Task A_link_that_redirects_to_another_site_is_not_reported_as_broken()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: link-status
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/book-a-call">Book a call</a>""")),
            ("_redirects", "/book-a-call https://calendar.example.com/keelboard/intro 302"));

        var findings = await EvaluateAsync(site, playbook);

        Assert.Empty(findings);
    }

    [Fact]
    public async Task A_link_to_a_URL_robots_txt_keeps_the_crawler_from_is_not_reported_as_broken()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: link-status
            """));
        await using var site = await ServedSite.StartAsync(
            ("robots.txt", "User-agent: *\nDisallow: /app/\n"),
            ("index.html", Html.Page("Home", body: """<a href="/app/login/">Log in</a>""")),
            ("app/login/index.html", Html.Page("Log in")));

        var findings = await EvaluateAsync(site, playbook);

        Assert.Empty(findings);
    }

    [Fact]
    public async Task A_link_through_more_redirects_than_allowed_is_reported_with_its_chain_and_final_target()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: link-status
                broken: false
                max_redirects: 1
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """
                <a href="/old-pricing">Old pricing</a>
                <a href="/plans">Plans</a>
                <a href="/gone/">Gone</a>
                """)),
            ("_redirects", """
                /old-pricing /plans 301
                /plans /pricing/ 301
                """),
            ("pricing/index.html", Html.Page("Pricing")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal([site.Address], finding.Urls);
        Assert.Equal(["The link \"Old pricing\" goes through 2 redirects: /old-pricing → /plans → /pricing/."], finding.Evidence);
        Assert.Equal([new KeyValuePair<string, string>("/old-pricing", "/pricing/")], finding.Target.Links);
        Assert.Equal(["/old-pricing"], finding.Elements);
    }

    [Fact]
    public async Task A_redirect_chain_that_ends_on_another_site_is_reported_but_never_retargeted()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: link-status
                broken: false
                max_redirects: 1
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/go/acme">Acme</a>""")),
            ("_redirects", """
                /go/acme /go/acme/ 301
                /go/acme/ https://acme.example//evil.example/login 302
                """));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Contains("goes through 2 redirects", finding.Evidence[0], StringComparison.Ordinal);
        Assert.Empty(finding.Target.Links);
    }

    [Fact]
    public async Task A_rendered_metric_above_its_limit_is_a_finding_with_the_elements_measured()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: rendered
                metric: horizontal-overflow-px
                max: 0
                message: The page is wider than the phone.
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/compare/">Compare</a> <a href="/broken/">Broken</a> <a href="/unrendered/">U</a>""")),
            ("compare/index.html", Html.Page("Compare")),
            ("broken/index.html", Html.Page("Broken")),
            ("unrendered/index.html", Html.Page("Unrendered")));
        var renders = new Dictionary<Uri, RenderResult>
        {
            [site.Address] = Render(site.Address, RenderMetrics.HorizontalOverflow, 0),
            [site.Url("/compare/")] = Render(site.Url("/compare/"), RenderMetrics.HorizontalOverflow, 348, "table.compare", "div.hero"),
            [site.Url("/broken/")] = Render(site.Url("/broken/"), RenderMetrics.HorizontalOverflow, 500) with { Error = "Timed out." },
        };

        var finding = Assert.Single(await EvaluateWithRendersAsync(site, playbook, renders));

        Assert.Equal([site.Url("/compare/")], finding.Urls);
        Assert.Equal(
            ["The page is wider than the phone. Measured on a phone: 348. Elements: `table.compare`; `div.hero`"],
            finding.Evidence);
        Assert.Equal(["table.compare", "div.hero"], finding.Elements);
        Assert.Equal(FixTarget.None, finding.Target);
    }

    [Fact]
    public async Task A_rendered_metric_exactly_at_its_limit_passes()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: rendered
                metric: lcp-ms
                max: 2500
            """));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));
        var atLimit = new Dictionary<Uri, RenderResult> { [site.Address] = Render(site.Address, RenderMetrics.Lcp, 2500) };
        var above = new Dictionary<Uri, RenderResult> { [site.Address] = Render(site.Address, RenderMetrics.Lcp, 2500.5) };

        Assert.Empty(await EvaluateWithRendersAsync(site, playbook, atLimit));
        Assert.Equal(
            ["lcp-ms is 2500.5 on a phone; the limit is 2500. Measured on a phone: 2500.5."],
            Assert.Single(await EvaluateWithRendersAsync(site, playbook, above)).Evidence);
    }

    [Fact]
    public async Task A_lazy_LCP_image_finding_targets_the_image_by_the_selector_the_render_gave()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: rendered
                metric: lcp-image-lazy
                max: 0
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<img src="/hero.png" loading="lazy" alt="Hero">""")));
        var renders = new Dictionary<Uri, RenderResult>
        {
            [site.Address] = Render(site.Address, RenderMetrics.LcpImageLazy, 1, """img[src="/hero.png"]"""),
        };

        var finding = Assert.Single(await EvaluateWithRendersAsync(site, playbook, renders));

        Assert.Equal("""img[src="/hero.png"]""", finding.Target.Selector);
    }

    [Fact]
    public async Task A_long_form_guarding_an_asset_is_found_and_other_forms_are_not()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: form
                max_visible_fields: 4
                guards: [".pdf", "roi"]
            """));
        var sixFields = """
            <input name="email"><input name="first_name"><input name="last_name">
            <input name="company"><input name="role"><select name="size"><option>1</option></select>
            """;
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """
                <a href="/compare/">Compare</a> <a href="/newsletter/">News</a>
                <a href="/short/">Short</a> <a href="/calculator/">ROI</a>
                """)),
            ("compare/index.html", Html.Page("Compare", body: $"""
                <form action="/thanks/"><input type="hidden" name="asset" value="/files/comparison.pdf">{sixFields}</form>
                """)),
            ("newsletter/index.html", Html.Page("Newsletter", body: $"""<form action="/subscribe/">{sixFields}</form>""")),
            ("short/index.html", Html.Page("Short", body: """
                <form action="/thanks/"><input type="hidden" name="asset" value="/files/guide.pdf"><input name="email"></form>
                """)),
            ("calculator/index.html", Html.Page("Calculator", body: $"""<form action="/roi-report/">{sixFields}</form>""")));

        var findings = await EvaluateAsync(site, playbook);

        Assert.Equal([site.Url("/calculator/"), site.Url("/compare/")], findings.Select(f => Assert.Single(f.Urls)));
        Assert.Equal(
            ["A form asks for 6 fields to get /files/comparison.pdf (limit 4): email, first_name, last_name, company, role, size."],
            findings[1].Evidence);
        Assert.Equal(
            ["A form asks for 6 fields to get /roi-report/ (limit 4): email, first_name, last_name, company, role, size."],
            findings[0].Evidence);
    }

    [Fact]
    public async Task Without_guards_every_form_over_the_field_limit_is_found()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: form
                max_visible_fields: 2
            """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """
                <form><input name="a"><input name="b"></form>
                <form><input name="c"><input name="d"><textarea name="e"></textarea></form>
                """)));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal(["A form asks for 3 fields (limit 2): c, d, e."], finding.Evidence);
    }

    [Fact]
    public async Task Scope_include_and_exclude_patterns_choose_the_pages_a_playbook_looks_at()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml(
            """
              - kind: selector
                selector: 'meta[name="description"]'
                expect: present
            """,
            scope: """
                scope:
                  include: [/blog/**, /guides/*/]
                  exclude: [/blog/drafts/**]
                """));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """
                <a href="/blog/">Blog</a> <a href="/blog/2024/launch/">Launch</a> <a href="/blog/drafts/next/">Draft</a>
                <a href="/guides/setup/">Setup</a> <a href="/guides/setup/advanced/">Advanced</a>
                """)),
            ("blog/index.html", Html.Page("Blog")),
            ("blog/2024/launch/index.html", Html.Page("Launch")),
            ("blog/drafts/next/index.html", Html.Page("Draft")),
            ("guides/setup/index.html", Html.Page("Setup")),
            ("guides/setup/advanced/index.html", Html.Page("Advanced")));

        var findings = await EvaluateAsync(site, playbook);

        Assert.Equal(
            ["/blog/", "/blog/2024/launch/", "/guides/setup/"],
            findings.Select(f => Assert.Single(f.Urls).AbsolutePath));
    }

    [Fact]
    public async Task A_playbook_looks_only_at_pages_of_its_stages()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml(
            """
              - kind: selector
                selector: 'meta[name="description"]'
                expect: present
            """,
            stages: "[decision]"));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/pricing/">Pricing</a> <a href="/blog/">Blog</a>""")),
            ("pricing/index.html", Html.Page("Pricing")),
            ("blog/index.html", Html.Page("Blog")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal([site.Url("/pricing/")], finding.Urls);
        Assert.Equal(Stage.Decision, finding.Stage);
    }

    [Fact]
    public async Task Failed_checks_of_one_playbook_on_one_page_are_one_finding_with_all_their_evidence()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: 'meta[name="description"]'
                expect: present
                message: No description.
              - kind: selector
                selector: 'meta[name="viewport"]'
                expect: present
                message: No viewport.
            """));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));

        var finding = Assert.Single(await EvaluateAsync(site, playbook));

        Assert.Equal(["No description.", "No viewport."], finding.Evidence);
    }

    [Fact]
    public async Task Findings_come_in_playbook_order_then_page_order()
    {
        var viewport = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: 'meta[name="viewport"]'
                expect: present
            """, id: "viewport-missing"));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/b/">B</a> <a href="/a/">A</a>""")),
            ("a/index.html", Html.Page("A")),
            ("b/index.html", Html.Page("B")));

        var findings = await EvaluateAsync(site, viewport, DescriptionPresent);

        Assert.Equal(
            [
                ("viewport-missing", "/"), ("viewport-missing", "/a/"), ("viewport-missing", "/b/"),
                ("meta-description-missing", "/"), ("meta-description-missing", "/a/"), ("meta-description-missing", "/b/"),
            ],
            findings.Select(f => (f.Playbook.Id, f.Urls[0].AbsolutePath)));
    }

    [Fact]
    public async Task Fingerprints_are_stable_across_runs_and_differ_between_pages_and_playbooks()
    {
        (string, string)[] files =
        [
            ("index.html", Html.Page("Home", body: """<a href="/a/">A</a> <a href="/b/">B</a>""")),
            ("a/index.html", Html.Page("A")),
            ("b/index.html", Html.Page("B")),
        ];
        var viewport = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: 'meta[name="viewport"]'
                expect: present
            """, id: "viewport-missing"));
        await using var first = await ServedSite.StartAsync(files);
        await using var second = await ServedSite.StartAsync(files);

        var firstRun = await EvaluateAsync(first, DescriptionPresent, viewport);
        var secondRun = await EvaluateAsync(second, DescriptionPresent, viewport);

        Assert.NotEqual(first.Address.Port, second.Address.Port);
        Assert.Equal(firstRun.Select(f => f.Fingerprint), secondRun.Select(f => f.Fingerprint));
        Assert.Equal(6, firstRun.Select(f => f.Fingerprint).Distinct().Count());
        Assert.All(firstRun, f => Assert.Matches("^[0-9a-f]{16}$", f.Fingerprint));
    }

    [Fact]
    public void The_probes_are_the_distinct_selectors_of_every_selector_check()
    {
        var other = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: 'meta[name="description"]'
                expect: present
              - kind: selector
                selector: 'img:not([alt])'
                expect: absent
              - kind: duplicate
                field: h1
            """, id: "other"));

        var probes = PlaybookEvaluator.ProbesFor([DescriptionPresent, other]);

        Assert.Equal(["""meta[name="description"]""", "img:not([alt])"], probes);
    }

    private static RenderResult Render(Uri url, string metric, double value, params string[] elements) => new()
    {
        Url = url,
        Metrics = new Dictionary<string, double> { [metric] = value },
        Evidence = new Dictionary<string, IReadOnlyList<string>> { [metric] = elements },
    };

    private static Task<IReadOnlyList<Finding>> EvaluateAsync(ServedSite site, params Playbook[] playbooks) =>
        EvaluateAsync(site, playbooks, new Dictionary<Uri, RenderResult>());

    private static Task<IReadOnlyList<Finding>> EvaluateWithRendersAsync(
        ServedSite site, Playbook playbook, IReadOnlyDictionary<Uri, RenderResult> renders) =>
        EvaluateAsync(site, [playbook], renders);

    private static async Task<IReadOnlyList<Finding>> EvaluateAsync(
        ServedSite site, Playbook[] playbooks, IReadOnlyDictionary<Uri, RenderResult> renders)
    {
        var crawl = await Engine.CrawlAsync(site.Address, [.. PlaybookEvaluator.ProbesFor(playbooks)]);
        return PlaybookEvaluator.Evaluate(playbooks, crawl, PlaybookText.Stages(crawl), renders);
    }
}
