using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

/// <summary>What the snapshot of a page keeps beyond its links: headers, headings, hreflang, srcset and JSON-LD.</summary>
public sealed class PageDetailsTests
{
    private static readonly Uri PageUrl = new("http://127.0.0.1:4000/product/");

    private static HtmlSummary Parse(string html) =>
        new PageParser([]).Parse(PageUrl, Encoding.UTF8.GetBytes(html), "utf-8");

    [Fact]
    public async Task Caching_security_and_robots_headers_are_kept_by_lower_case_name_and_others_dropped()
    {
        var policy = "default-src 'self'; img-src " + string.Join(' ', Enumerable.Range(1, 100).Select(i => $"https://cdn{i}.example.com"));
        await using var server = RawHttpServer.Start(async (requestLine, stream, token) =>
        {
            if (!requestLine.StartsWith("GET / ", StringComparison.Ordinal))
            {
                await RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token);
                return;
            }

            var body = Encoding.UTF8.GetBytes(Html.Page("Home"));
            var head = "HTTP/1.1 200 OK\r\n" +
                "Content-Type: text/html; charset=utf-8\r\n" +
                "Cache-Control: max-age=600\r\n" +
                "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n" +
                "X-Robots-Tag: noindex\r\n" +
                $"Content-Security-Policy: {policy}\r\n" +
                "X-Powered-By: Express\r\n" +
                $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
            await stream.WriteAsync(body, token);
        });

        var crawl = await Engine.CrawlAsync(server.Address);

        var page = crawl.Find(server.Address);
        Assert.NotNull(page);
        Assert.Equal("max-age=600", page.Headers["cache-control"]);
        Assert.Equal("max-age=31536000; includeSubDomains", page.Headers["strict-transport-security"]);
        Assert.Equal("noindex", page.Headers["x-robots-tag"]);
        Assert.Equal("noindex", page.RobotsHeader);
        Assert.Equal(policy[..500], page.Headers["content-security-policy"]);
        Assert.False(page.Headers.ContainsKey("x-powered-by"));
        Assert.All(page.Headers.Keys, key => Assert.Equal(key.ToLowerInvariant(), key));
    }

    [Fact]
    public void Hreflang_alternates_are_read_with_their_language_and_resolved_URL()
    {
        var html = Parse(Html.Page("Product", head: """
            <link rel="alternate" hreflang="de-AT" href="/de-at/product/">
            <link rel="Alternate" hreflang="fr" href="https://fr.example.com/produit/">
            <link rel="alternate" hreflang="x-default" href="../product/">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            """));

        Assert.Equal(
            [
                new HreflangLink("de-AT", new Uri("http://127.0.0.1:4000/de-at/product/"), Relative: true),
                new HreflangLink("fr", new Uri("https://fr.example.com/produit/")),
                new HreflangLink("x-default", new Uri("http://127.0.0.1:4000/product/"), Relative: true),
            ],
            html.Hreflang);
    }

    [Fact]
    public async Task Hreflang_alternates_on_the_site_are_crawled_one_click_deeper()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", head: """<link rel="alternate" hreflang="de" href="/de/">""")),
            ("de/index.html", Html.Page("Startseite")));

        var crawl = await Engine.CrawlAsync(site.Address);

        var german = crawl.Find(site.Url("/de/"));
        Assert.Equal(("Startseite", 1), (german?.Html?.Title, german?.Depth));
    }

    [Fact]
    public void Headings_are_read_with_their_level_in_document_order()
    {
        var html = Parse("""
            <!doctype html><html><head><title>Headings</title></head><body>
            <h1>Plan <em>sprints</em></h1>
            <h3>Skipped   a level</h3>
            <h2>Pricing</h2>
            <section><h6>Fine print</h6></section>
            <h4></h4>
            </body></html>
            """);

        Assert.Equal(
            [
                new Heading(1, "Plan sprints"),
                new Heading(3, "Skipped a level"),
                new Heading(2, "Pricing"),
                new Heading(6, "Fine print"),
                new Heading(4, ""),
            ],
            html.Headings);
        Assert.Equal(["Plan sprints"], html.H1);
    }

    [Fact]
    public void The_srcset_of_an_image_is_kept_as_written()
    {
        var html = Parse(Html.Page("Images", body: """
            <img src="/hero.png" srcset="/hero-800.png 800w, /hero-1600.png 1600w" sizes="100vw" alt="Hero">
            <img src="/logo.png" alt="Logo">
            """));

        Assert.Equal(["/hero-800.png 800w, /hero-1600.png 1600w", null], html.Images.Select(i => i.Srcset));
    }

    [Fact]
    public void JSON_LD_types_are_read_from_every_block_including_graphs_and_arrays()
    {
        var html = Parse(Html.Page("Structured", head: """
            <script type="application/ld+json">
              { "@context": "https://schema.org", "@type": "Organization", "name": "Keelboard" }
            </script>
            <script type="application/ld+json">
              { "@context": "https://schema.org", "@graph": [
                  { "@type": "WebSite", "name": "Keelboard" },
                  { "@type": ["Product", "SoftwareApplication"], "offers": { "@type": "Offer", "price": "12" } }
              ] }
            </script>
            <script type="Application/LD+JSON">[{ "@type": "FAQPage" }, { "@type": "BreadcrumbList" }]</script>
            """));

        string[][] expected = [["Organization"], ["WebSite", "Product", "SoftwareApplication", "Offer"], ["FAQPage", "BreadcrumbList"]];
        Assert.Equal(expected, html.StructuredData.Select(b => b.Types.ToArray()));
        Assert.All(html.StructuredData, b => Assert.Null(b.Error));
    }

    [Fact]
    public void An_invalid_JSON_LD_block_is_kept_with_its_error_and_does_not_hide_the_valid_ones()
    {
        var html = Parse(Html.Page("Structured", head: """
            <script type="application/ld+json">{ "@type": "Organization", "name": "Keelboard" </script>
            <script type="application/ld+json">{ "@type": "WebPage" }</script>
            """));

        Assert.Equal(2, html.StructuredData.Count);
        var invalid = html.StructuredData[0];
        Assert.Empty(invalid.Types);
        Assert.StartsWith("Not valid JSON: ", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(["WebPage"], html.StructuredData[1].Types);
        Assert.Null(html.StructuredData[1].Error);
    }

    [Fact]
    public async Task Stray_closing_tags_unclosed_elements_and_unquoted_attributes_still_yield_the_title_and_links()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", """
                </div></div><html><head><title>Messy home</title></head></div>
                <body><div class=nav><ul><li><a href=/pricing/ class=nav-link>Pricing<li><a href=/about/>About</a>
                </ul></span></div></div></div><p>Trailing <b>bold
                """),
            ("pricing/index.html", Html.Page("Pricing")),
            ("about/index.html", Html.Page("About")));

        var crawl = await Engine.CrawlAsync(site.Address);

        var home = crawl.Find(site.Address);
        Assert.Equal("Messy home", home?.Html?.Title);
        Assert.Equal(
            [("/pricing/", "Pricing"), ("/about/", "About")],
            home?.Html?.Links.Select(l => (l.Href, l.Text)));
        Assert.Equal(["About", "Pricing"], crawl.Pages.Where(p => p.Depth == 1).Select(p => p.Html?.Title));
    }
}
