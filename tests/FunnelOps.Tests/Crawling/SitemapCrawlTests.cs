using System.IO.Compression;
using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

public sealed class SitemapCrawlTests
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Pages_only_a_sitemap_lists_are_read_at_depth_minus_one_and_are_orphan_candidates()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/linked/">Linked</a> <a href="/about/">About</a>""")),
            ("linked/index.html", Html.Page("Linked")),
            ("about/index.html", Html.Page("About")),
            ("orphan/index.html", Html.Page("Orphan")));
        site.Folder.Write("sitemap.xml", UrlSet(site.Address, site.Url("/linked/"), site.Url("/orphan/")));

        var crawl = await Engine.CrawlAsync(site.Address);

        var orphan = crawl.Find(site.Url("/orphan/"));
        Assert.NotNull(orphan);
        Assert.Equal((-1, true, "Orphan"), (orphan.Depth, orphan.InSitemap, orphan.Html?.Title));
        var linked = crawl.Find(site.Url("/linked/"));
        Assert.Equal((1, true), (linked?.Depth, linked?.InSitemap));
        Assert.False(crawl.Find(site.Url("/about/"))?.InSitemap);
        Assert.Equal([site.Url("/orphan/")], crawl.OrphanCandidates.Select(p => p.Url));
        Assert.Equal(3, crawl.SitemapUrls);
    }

    [Fact]
    public async Task A_sitemap_of_100000_URLs_is_read_whole_and_the_crawl_still_stops_at_its_page_limit()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));
        WriteLargeSitemap(site, "sitemap.xml", 100_000);
        var options = new CrawlOptions { StartUrl = site.Address, MaxPages = 20 };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(100_000, crawl.SitemapUrls);
        Assert.Equal(20, crawl.Snapshots.Count);
        Assert.Equal(19, crawl.Snapshots.Count(s => s.Depth == -1 && s.InSitemap));
        Assert.Contains("The crawl stopped at its limit of 20 URLs; some pages were not read.", crawl.Notes);
        Assert.DoesNotContain(crawl.Notes, n => n.StartsWith("The sitemaps list more than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sitemaps_listing_more_than_100000_URLs_are_cut_at_100000_and_a_note_says_so()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));
        WriteLargeSitemap(site, "sitemap.xml", 100_001);
        var options = new CrawlOptions { StartUrl = site.Address, MaxPages = 5 };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(SitemapReader.MaxUrls, crawl.SitemapUrls);
        Assert.Contains(crawl.Notes, n => n.StartsWith("The sitemaps list more than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gzipped_sitemap_named_in_robots_txt_is_read()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            ("guides/setup/index.html", Html.Page("Setup guide")));
        site.Folder.Write("robots.txt", $"User-agent: *\nDisallow:\nSitemap: {site.Url("/sitemaps/pages.xml.gz")}\n");
        site.Folder.WriteBytes("sitemaps/pages.xml.gz", Gzip(UrlSet(site.Url("/guides/setup/"))));

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(1, crawl.SitemapUrls);
        var guide = crawl.Find(site.Url("/guides/setup/"));
        Assert.Equal(("Setup guide", true, -1), (guide?.Html?.Title, guide?.InSitemap, guide?.Depth));
    }

    [Fact]
    public async Task A_sitemap_index_at_the_usual_address_leads_to_the_gzipped_sitemaps_it_names()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            ("guides/setup/index.html", Html.Page("Setup guide")),
            ("guides/billing/index.html", Html.Page("Billing guide")));
        site.Folder.Write("sitemap.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="{SitemapNamespace}">
              <sitemap><loc>{site.Url("/sitemaps/guides.xml.gz")}</loc></sitemap>
              <sitemap><loc>{site.Url("/sitemaps/more.xml")}</loc></sitemap>
            </sitemapindex>
            """);
        site.Folder.WriteBytes("sitemaps/guides.xml.gz", Gzip(UrlSet(site.Url("/guides/setup/"))));
        site.Folder.Write("sitemaps/more.xml", UrlSet(site.Url("/guides/billing/")));

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(2, crawl.SitemapUrls);
        Assert.Equal(
            ["Billing guide", "Setup guide"],
            crawl.Pages.Where(p => p.Depth == -1).Select(p => p.Html?.Title));
        Assert.Empty(crawl.Notes);
    }

    [Fact]
    public async Task A_gzip_bomb_sitemap_is_stopped_at_50_MB_the_crawl_completes_and_a_note_says_so()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            ("kept/index.html", Html.Page("Kept")));
        var bomb = GzipBomb(
            $"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SitemapNamespace}"><url><loc>{site.Url("/kept/")}</loc></url>""",
            megabytesOfSpaces: 200);
        Assert.True(bomb.Length < 1024 * 1024, $"The bomb is {bomb.Length} bytes; it should be small.");
        site.Folder.Write("robots.txt", $"User-agent: *\nSitemap: {site.Url("/sitemap.xml.gz")}\n");
        site.Folder.WriteBytes("sitemap.xml.gz", bomb);

        var crawl = await Engine.CrawlAsync(site.Address);

        var note = Assert.Single(crawl.Notes);
        Assert.StartsWith($"The sitemap {site.Url("/sitemap.xml.gz")} is not valid (", note, StringComparison.Ordinal);
        Assert.Contains("more than 50 MB", note, StringComparison.Ordinal);
        Assert.Equal("Home", crawl.Find(site.Address)?.Html?.Title);
        // The URLs read before the problem are kept.
        Assert.Equal(1, crawl.SitemapUrls);
        Assert.Equal("Kept", crawl.Find(site.Url("/kept/"))?.Html?.Title);
    }

    [Fact]
    public async Task Image_locations_in_an_image_sitemap_are_not_counted_as_pages()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            ("pricing/index.html", Html.Page("Pricing")));
        site.Folder.WriteBytes("img/hero.png", Png.Create(4, 4));
        site.Folder.Write("sitemap.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="{SitemapNamespace}" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url>
                <loc>{site.Address}</loc>
                <image:image><image:loc>{site.Url("/img/hero.png")}</image:loc></image:image>
              </url>
              <url><loc>{site.Url("/pricing/")}</loc></url>
            </urlset>
            """);

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(2, crawl.SitemapUrls);
        Assert.Null(crawl.Find(site.Url("/img/hero.png")));
    }

    private static string UrlSet(params Uri[] urls) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="{SitemapNamespace}">
        {string.Concat(urls.Select(u => $"  <url><loc>{u}</loc><lastmod>2025-01-06</lastmod></url>\n"))}</urlset>
        """;

    private static void WriteLargeSitemap(ServedSite site, string path, int count)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n')
            .Append($"""<urlset xmlns="{SitemapNamespace}">""").Append('\n');
        for (var i = 1; i <= count; i++)
        {
            xml.Append("<url><loc>").Append(site.Url($"/docs/page-{i}/")).Append("</loc></url>\n");
        }

        site.Folder.Write(path, xml.Append("</urlset>\n").ToString());
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>A small gzip file that expands to <paramref name="prefix"/> and then a flood of spaces.</summary>
    internal static byte[] GzipBomb(string prefix, int megabytesOfSpaces)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(prefix));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < megabytesOfSpaces; i++)
            {
                gzip.Write(spaces);
            }
        }

        return output.ToArray();
    }
}
