using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

public sealed class OversizedResponseTests
{
    [Fact]
    public async Task A_50_MB_page_is_cut_at_the_body_limit_and_the_crawl_goes_on_to_other_pages()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/huge/">Huge</a> <a href="/pricing/">Pricing</a>""")),
            ("pricing/index.html", Html.Page("Pricing")),
            ("after/index.html", Html.Page("After")));
        WriteHugePage(Path.Combine(site.Folder.Path, "huge", "index.html"), megabytes: 50);
        var options = new CrawlOptions { StartUrl = site.Address };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        var huge = crawl.Find(site.Url("/huge/"));
        Assert.NotNull(huge);
        Assert.Equal(200, huge.Status);
        Assert.Equal(options.MaxBodyBytes, huge.Bytes);
        Assert.Equal("Larger than 5 MB; only the start was read.", huge.Error);
        Assert.Equal("Huge page", huge.Html?.Title);
        // Links in the part that was read are followed, and the other pages are read as usual.
        Assert.Equal("After", crawl.Find(site.Url("/after/"))?.Html?.Title);
        Assert.Equal("Pricing", crawl.Find(site.Url("/pricing/"))?.Html?.Title);
    }

    [Fact]
    public async Task A_gzip_bomb_page_is_cut_at_the_body_limit_after_decompression()
    {
        var bomb = SitemapCrawlTests.GzipBomb(
            Html.Page("Bomb", body: """<a href="/after/">After</a>"""),
            megabytesOfSpaces: 200);
        await using var server = RawHttpServer.Start(async (requestLine, stream, token) =>
        {
            switch (requestLine.Split(' ')[1])
            {
                case "/":
                    await RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Home", body: """<a href="/bomb/">Bomb</a>"""), token);
                    break;
                case "/bomb/":
                    await WriteGzipAsync(stream, bomb, token);
                    break;
                case "/after/":
                    await RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("After"), token);
                    break;
                default:
                    await RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token);
                    break;
            }
        });
        var options = new CrawlOptions { StartUrl = server.Address, MaxBodyBytes = 1024 * 1024 };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        var page = crawl.Find(new Uri(server.Address, "/bomb/"));
        Assert.NotNull(page);
        Assert.Equal(1024 * 1024, page.Bytes);
        Assert.Equal("Larger than 1 MB; only the start was read.", page.Error);
        Assert.Equal("Bomb", page.Html?.Title);
        Assert.Equal("After", crawl.Find(new Uri(server.Address, "/after/"))?.Html?.Title);
    }

    /// <summary>Writes a page whose title and first link come first, then megabytes of paragraphs.</summary>
    private static void WriteHugePage(string path, int megabytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        file.Write(Encoding.UTF8.GetBytes("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Huge page</title></head>
            <body><a href="/after/">After</a>

            """));
        var paragraphs = Encoding.UTF8.GetBytes(string.Concat(
            Enumerable.Repeat("<p>Plan sprints, forecast delivery dates and ship on time.</p>\n", 16_384)));
        while (file.Length < megabytes * 1024L * 1024)
        {
            file.Write(paragraphs);
        }

        file.Write("</body></html>\n"u8);
    }

    private static async Task WriteGzipAsync(Stream stream, byte[] gzipped, CancellationToken cancellationToken)
    {
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n" +
            $"Content-Length: {gzipped.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(gzipped, cancellationToken);
    }
}
