using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Crawling;

public sealed class SiteCrawlerTests : IDisposable
{
    private readonly HttpClient _client = CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Linked_pages_are_discovered_breadth_first_with_their_depth()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/product/">Product</a> <a href="/blog/">Blog</a>""")),
            ("product/index.html", Html.Page("Product", body: """<a href="/pricing/">Pricing</a> <a href="/">Home</a>""")),
            ("blog/index.html", Html.Page("Blog", body: """<a href="/pricing/#plans">Plans</a>""")),
            ("pricing/index.html", Html.Page("Pricing")),
            ("orphan/index.html", Html.Page("Nobody links here")));

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(
            [("/", 0), ("/blog/", 1), ("/product/", 1), ("/pricing/", 2)],
            crawl.Snapshots.Select(s => (s.Url.AbsolutePath, s.Depth)));
        Assert.All(crawl.Snapshots, s => Assert.Equal(200, s.Status));
        Assert.Equal("Pricing", crawl.Find(site.Url("/pricing/"))?.Html?.Title);
        Assert.Equal(
            [site.Url("/blog/"), site.Url("/product/")],
            crawl.InlinksOf(site.Url("/pricing/")).OrderBy(u => u.AbsoluteUri, StringComparer.Ordinal));
        Assert.Empty(crawl.Notes);
    }

    [Fact]
    public async Task Links_to_other_hosts_are_not_followed()
    {
        await using var other = RawHttpServer.Start((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Elsewhere"), token));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: $"""<a href="{other.Address}partner/">Partner</a>""")));

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal([site.Address], crawl.Snapshots.Select(s => s.Url));
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task A_missing_page_is_recorded_with_its_404()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/gone/">Old page</a>""")),
            ("404.html", Html.Page("Not found")));

        var crawl = await Engine.CrawlAsync(site.Address);

        var missing = crawl.Find(site.Url("/gone/"));
        Assert.NotNull(missing);
        Assert.Equal(404, missing.Status);
        Assert.Equal(1, missing.Depth);
        Assert.False(missing.IsPage);
        Assert.DoesNotContain(crawl.Pages, p => p.Url == missing.Url);
    }

    [Fact]
    public async Task A_redirect_chain_is_followed_and_every_hop_recorded()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/old-pricing">Pricing</a>""")),
            ("_redirects", """
                /old-pricing /plans 301
                /plans /pricing/ 302
                """),
            ("pricing/index.html", Html.Page("Pricing")));

        var crawl = await Engine.CrawlAsync(site.Address);

        var old = crawl.Find(site.Url("/old-pricing"));
        Assert.NotNull(old);
        Assert.Equal(
            [
                new RedirectHop(site.Url("/old-pricing"), site.Url("/plans"), 301),
                new RedirectHop(site.Url("/plans"), site.Url("/pricing/"), 302),
            ],
            old.Redirects);
        Assert.Equal(200, old.Status);
        Assert.Null(old.Error);
        Assert.Equal(site.Url("/pricing/"), old.FinalUrl);

        // The destination is a page of its own, at the depth of the link that led to it.
        var pricing = crawl.Find(site.Url("/pricing/"));
        Assert.Equal("Pricing", pricing?.Html?.Title);
        Assert.Equal(1, pricing?.Depth);
    }

    [Fact]
    public async Task A_redirect_loop_is_detected_and_reported()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/a">A</a>""")),
            ("_redirects", """
                /a /b 301
                /b /c 301
                /c /a 301
                """));

        var crawl = await Engine.CrawlAsync(site.Address);

        var loop = crawl.Find(site.Url("/a"));
        Assert.NotNull(loop);
        Assert.Contains("loop", loop.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["/a", "/b", "/c"], loop.Redirects.Select(h => h.From.AbsolutePath));
        Assert.Null(crawl.Find(site.Url("/b")));
    }

    [Fact]
    public async Task A_chain_longer_than_the_redirect_limit_is_cut()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/r1">Start</a>""")),
            ("_redirects", """
                /r1 /r2
                /r2 /r3
                /r3 /r4
                /r4 /end/
                """),
            ("end/index.html", Html.Page("End")));
        var options = new CrawlOptions { StartUrl = site.Address, MaxRedirects = 2 };

        var crawl = await Crawler().CrawlAsync(options, null, CancellationToken.None);

        var cut = crawl.Find(site.Url("/r1"));
        Assert.NotNull(cut);
        Assert.Equal("More than 2 redirects in a row; the chain was cut.", cut.Error);
        Assert.Equal(3, cut.Redirects.Count);
        Assert.Null(crawl.Find(site.Url("/end/")));
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_recorded_but_never_fetched()
    {
        await using var other = RawHttpServer.Start((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Partner"), token));
        var elsewhere = new Uri($"http://localhost:{other.Address.Port}/landing/");
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/partner">Partner</a>""")),
            ("_redirects", $"/partner {elsewhere} 302"));

        var crawl = await Engine.CrawlAsync(site.Address);

        var partner = crawl.Find(site.Url("/partner"));
        Assert.NotNull(partner);
        Assert.Equal([new RedirectHop(site.Url("/partner"), elsewhere, 302)], partner.Redirects);
        Assert.Equal("Redirects to localhost, outside the crawled site; not followed.", partner.Error);
        Assert.Null(crawl.Find(elsewhere));
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task URLs_robots_txt_disallows_are_recorded_with_an_error_and_never_fetched()
    {
        await using var site = await ServedSite.StartAsync(
            ("robots.txt", """
                User-agent: *
                Disallow: /internal/
                """),
            ("index.html", Html.Page("Home", body: """<a href="/internal/roadmap/">Roadmap</a> <a href="/pricing/">Pricing</a>""")),
            ("internal/roadmap/index.html", Html.Page("Roadmap", body: """<a href="/internal/secret/">Secret</a>""")),
            ("pricing/index.html", Html.Page("Pricing")));
        var fetcher = new RecordingFetcher(new HttpPageFetcher(_client));

        var crawl = await Crawler(fetcher).CrawlAsync(new CrawlOptions { StartUrl = site.Address }, null, CancellationToken.None);

        var roadmap = crawl.Find(site.Url("/internal/roadmap/"));
        Assert.NotNull(roadmap);
        Assert.Equal(0, roadmap.Status);
        Assert.Equal("robots.txt asks crawlers not to read this URL.", roadmap.Error);
        Assert.Equal(1, roadmap.Depth);
        // The crawler also looks for a sitemap at its usual address, which robots.txt allows here.
        Assert.Equal(
            ["/", "/pricing/", "/robots.txt", "/sitemap.xml"],
            fetcher.Fetched.Select(u => u.AbsolutePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_redirect_into_a_URL_robots_txt_disallows_is_not_followed()
    {
        await using var site = await ServedSite.StartAsync(
            ("robots.txt", """
                User-agent: *
                Disallow: /internal/
                """),
            ("index.html", Html.Page("Home", body: """<a href="/roadmap">Roadmap</a>""")),
            ("_redirects", "/roadmap /internal/roadmap/ 302"),
            ("internal/roadmap/index.html", Html.Page("Roadmap")));
        var fetcher = new RecordingFetcher(new HttpPageFetcher(_client));

        var crawl = await Crawler(fetcher).CrawlAsync(new CrawlOptions { StartUrl = site.Address }, null, CancellationToken.None);

        Assert.DoesNotContain(site.Url("/internal/roadmap/"), fetcher.Fetched);
        Assert.NotNull(crawl.Find(site.Url("/roadmap"))?.Error);
    }

    [Fact]
    public async Task A_site_whose_robots_txt_disallows_everything_is_crawled_to_an_end_with_the_start_URL_recorded()
    {
        await using var site = await ServedSite.StartAsync(
            ("robots.txt", """
                User-agent: *
                Disallow: /
                """),
            ("index.html", Html.Page("Home")));
        var fetcher = new RecordingFetcher(new HttpPageFetcher(_client));

        // Not a time limit on the behaviour: only a guard so that a crawl that never ends fails
        // this test instead of hanging the whole test run.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var crawl = await Crawler(fetcher).CrawlAsync(new CrawlOptions { StartUrl = site.Address }, null, guard.Token);

        var start = Assert.Single(crawl.Snapshots);
        Assert.Equal("robots.txt asks crawlers not to read this URL.", start.Error);
        Assert.Equal([site.Url("/robots.txt")], fetcher.Fetched);
    }

    [Fact]
    public async Task The_page_limit_stops_the_crawl_and_adds_a_note()
    {
        var links = string.Join(" ", Enumerable.Range(1, 5).Select(i => $"""<a href="/p{i}/">Page {i}</a>"""));
        await using var site = await ServedSite.StartAsync(
            [
                ("index.html", Html.Page("Home", body: links)),
                .. Enumerable.Range(1, 5).Select(i => ($"p{i}/index.html", Html.Page($"Page {i}"))),
            ]);
        var options = new CrawlOptions { StartUrl = site.Address, MaxPages = 3 };

        var crawl = await Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(3, crawl.Snapshots.Count);
        Assert.Contains("The crawl stopped at its limit of 3 URLs; some pages were not read.", crawl.Notes);
    }

    [Fact]
    public async Task The_depth_limit_stops_following_links()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/one/">One</a>""")),
            ("one/index.html", Html.Page("One", body: """<a href="/two/">Two</a>""")),
            ("two/index.html", Html.Page("Two", body: """<a href="/three/">Three</a>""")),
            ("three/index.html", Html.Page("Three")));
        var options = new CrawlOptions { StartUrl = site.Address, MaxDepth = 2 };

        var crawl = await Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(["/", "/one/", "/two/"], crawl.Snapshots.Select(s => s.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_is_cut_and_the_page_marked()
    {
        var filler = string.Concat(Enumerable.Repeat("<p>Plan sprints and ship on time.</p>\n", 400));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/big/">Big</a>""")),
            ("big/index.html", Html.Page("Big page", body: filler)));
        var options = new CrawlOptions { StartUrl = site.Address, MaxBodyBytes = 4096 };

        var crawl = await Crawler().CrawlAsync(options, null, CancellationToken.None);

        var big = crawl.Find(site.Url("/big/"));
        Assert.NotNull(big);
        Assert.Equal(4096, big.Bytes);
        Assert.StartsWith("Larger than", big.Error, StringComparison.Ordinal);
        Assert.Equal("Big page", big.Html?.Title);
        Assert.Null(crawl.Find(site.Address)?.Error);
    }

    [Fact]
    public async Task A_server_that_never_finishes_its_answer_is_cut_by_the_request_timeout()
    {
        await using var server = RawHttpServer.Start(async (requestLine, stream, token) =>
        {
            if (requestLine.StartsWith("GET /robots.txt ", StringComparison.Ordinal))
            {
                await RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token);
                return;
            }

            var head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><head><title>Slow";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
            await stream.FlushAsync(token);
            await Task.Delay(Timeout.Infinite, token);
        });
        var options = new CrawlOptions { StartUrl = server.Address, RequestTimeout = TimeSpan.FromSeconds(1) };

        var crawl = await Crawler().CrawlAsync(options, null, CancellationToken.None);

        var page = Assert.Single(crawl.Snapshots);
        Assert.Equal(0, page.Status);
        Assert.Equal("No complete answer within 1 seconds.", page.Error);
        Assert.Null(page.Html);
    }

    [Fact]
    public async Task Malformed_HTML_still_yields_a_page_summary_and_its_links_are_followed()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", """
                <html><head><title>Broken home</title>
                <body><h1>Welcome</h1><p>Unclosed <a href=/next/>next page<div></span></table></td>
                """),
            ("next/index.html", Html.Page("Next")));

        var crawl = await Engine.CrawlAsync(site.Address);

        var home = crawl.Find(site.Address);
        Assert.Equal("Broken home", home?.Html?.Title);
        Assert.Equal(["Welcome"], home?.Html?.H1);
        Assert.Equal("Next", crawl.Find(site.Url("/next/"))?.Html?.Title);
    }

    [Fact]
    public async Task Probes_asked_for_are_counted_on_every_page()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<img src="/a.png"> <img src="/b.png" alt="B"> <a href="/x/">X</a>""")),
            ("x/index.html", Html.Page("X")));

        var crawl = await Engine.CrawlAsync(site.Address, "img:not([alt])");

        Assert.Equal(1, crawl.Find(site.Address)?.Html?.Probes["img:not([alt])"].Count);
        Assert.Null(crawl.Find(site.Url("/x/"))?.Html?.Probes.GetValueOrDefault("img:not([alt])"));
    }

    private SiteCrawler Crawler(IPageFetcher? fetcher = null) =>
        new(fetcher ?? new HttpPageFetcher(_client), NullLogger<SiteCrawler>.Instance, TimeProvider.System);

    private static HttpClient CreateClient()
    {
        var client = new HttpClient(HttpPageFetcher.ConfigureHandler());
        HttpPageFetcher.ConfigureClient(client);
        return client;
    }
}
