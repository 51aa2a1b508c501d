using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Crawling;

public sealed class EncodingCrawlTests
{
    static EncodingCrawlTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public async Task A_Windows_1252_page_declared_in_the_content_type_header_is_decoded_with_it()
    {
        // €, – and the curly quotes are where Windows-1252 differs from Latin-1 and from UTF-8.
        const string Title = "Prices in € – the “Team” plan";
        var body = Encoding.GetEncoding("windows-1252").GetBytes(
            $"<!doctype html><html><head><title>{Title}</title></head><body><h1>Café crème</h1></body></html>");
        await using var server = ServePage("text/html; charset=windows-1252", body);

        var crawl = await Engine.CrawlAsync(server.Address);

        var page = crawl.Find(server.Address);
        Assert.Equal(Title, page?.Html?.Title);
        Assert.Equal(["Café crème"], page?.Html?.H1);
    }

    [Theory]
    [InlineData("""<meta charset="Shift_JIS">""")]
    [InlineData("""<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">""")]
    public async Task A_Shift_JIS_page_declared_only_in_its_markup_is_decoded_with_it(string declaration)
    {
        const string Title = "料金プラン｜キールボード";
        var body = Encoding.GetEncoding("shift_jis").GetBytes(
            $"<!doctype html><html lang=\"ja\"><head>{declaration}<title>{Title}</title></head>" +
            "<body><h1>チームのための計画</h1></body></html>");
        await using var server = ServePage("text/html", body);

        var crawl = await Engine.CrawlAsync(server.Address);

        var page = crawl.Find(server.Address);
        Assert.Equal(Title, page?.Html?.Title);
        Assert.Equal(["チームのための計画"], page?.Html?.H1);
    }

    [Fact]
    public async Task URLs_with_spaces_and_non_ASCII_characters_are_normalised_fetched_once_and_found()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """
                <a href="/über uns/">About</a>
                <a href="/%C3%BCber%20uns/">About, escaped</a>
                <a href="/%c3%bcber%20uns/#team">About, lower-case escapes</a>
                <a href="/a b/">A B</a>
                <a href="/a%20b/">A B, escaped</a>
                """)),
            ("über uns/index.html", Html.Page("Über uns", body: """<a href="../a b/">A B</a>""")),
            ("a b/index.html", Html.Page("A B")));
        var fetcher = new RecordingFetcher(Engine.Fetcher());

        var crawl = await new SiteCrawler(fetcher, NullLogger<SiteCrawler>.Instance, TimeProvider.System)
            .CrawlAsync(new CrawlOptions { StartUrl = site.Address }, null, CancellationToken.None);

        var about = new Uri(site.Address, "/%C3%BCber%20uns/");
        var ab = new Uri(site.Address, "/a%20b/");
        Assert.Equal(
            [site.Address.AbsoluteUri, about.AbsoluteUri, ab.AbsoluteUri],
            crawl.Snapshots.Select(s => s.Url.AbsoluteUri));
        Assert.Single(fetcher.Fetched, u => u.AbsoluteUri == about.AbsoluteUri);
        Assert.Single(fetcher.Fetched, u => u.AbsoluteUri == ab.AbsoluteUri);
        Assert.Equal("Über uns", crawl.Find(about)?.Html?.Title);
        Assert.Equal("A B", crawl.Find(ab)?.Html?.Title);
        Assert.Equal([site.Address, about], crawl.InlinksOf(ab).OrderBy(u => u.AbsoluteUri, StringComparer.Ordinal));
    }

    private static RawHttpServer ServePage(string contentType, byte[] body) =>
        RawHttpServer.Start(async (requestLine, stream, token) =>
        {
            if (!requestLine.StartsWith("GET / ", StringComparison.Ordinal))
            {
                await RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token);
                return;
            }

            var head = $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n" +
                "Connection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
            await stream.WriteAsync(body, token);
        });
}
