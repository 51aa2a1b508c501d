using FunnelOps.Crawling;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

public sealed class ResourceCheckTests
{
    private const string Home = """
        <link rel="stylesheet" href="/assets/site.css">
        <link rel="stylesheet" href="/styles/">
        <script src="/assets/app.js" defer></script>
        """;

    private const string HomeBody = """
        <img src="/img/logo.png" alt="Logo">
        <img src="/img/missing.png" alt="Gone">
        <a href="/pricing/">Pricing</a>
        """;

    private static async Task<ServedSite> StartSiteAsync()
    {
        var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", head: Home, body: HomeBody)),
            ("pricing/index.html", Html.Page("Pricing")),
            ("assets/site.css", "body { margin: 0; }"),
            ("assets/app.js", "console.log('hi');"),
            // A stylesheet address that answers with an HTML page: checked, never read as a page.
            ("styles/index.html", Html.Page("Styles", body: """<a href="/from-a-resource/">Hidden</a>""")),
            ("from-a-resource/index.html", Html.Page("Hidden")));
        site.Folder.WriteBytes("img/logo.png", Png.Create(8, 8));
        return site;
    }

    [Fact]
    public async Task Images_scripts_and_stylesheets_are_status_checked_into_the_resources()
    {
        await using var site = await StartSiteAsync();

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(
            [
                ("/assets/app.js", 200),
                ("/assets/site.css", 200),
                ("/img/logo.png", 200),
                ("/img/missing.png", 404),
                ("/styles/", 200),
            ],
            crawl.Resources.Select(r => (r.Url.AbsolutePath, r.Status)));
        Assert.All(crawl.Resources, r => Assert.Equal(PageKind.Resource, r.Kind));
        Assert.Equal("image/png", crawl.Resources.Single(r => r.Url.AbsolutePath == "/img/logo.png").ContentType);
        Assert.True(crawl.Resources.Single(r => r.Url.AbsolutePath == "/img/missing.png").IsBroken);
    }

    [Fact]
    public async Task Resources_are_never_parsed_as_pages_nor_listed_among_them()
    {
        await using var site = await StartSiteAsync();

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.All(crawl.Resources, r => Assert.Null(r.Html));
        Assert.Equal(["/", "/pricing/"], crawl.Snapshots.Select(s => s.Url.AbsolutePath));
        Assert.Null(crawl.Find(site.Url("/from-a-resource/")));
    }

    [Fact]
    public async Task Resources_do_not_count_against_the_page_limit()
    {
        await using var site = await StartSiteAsync();
        var options = new CrawlOptions { StartUrl = site.Address, MaxPages = 1 };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(["/"], crawl.Snapshots.Select(s => s.Url.AbsolutePath));
        Assert.Equal(5, crawl.Resources.Count);
    }

    [Fact]
    public async Task Resources_are_not_checked_when_the_options_say_so()
    {
        await using var site = await StartSiteAsync();
        var options = new CrawlOptions { StartUrl = site.Address, CheckResources = false };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Empty(crawl.Resources);
        Assert.Equal(2, crawl.Pages.Count());
    }
}
