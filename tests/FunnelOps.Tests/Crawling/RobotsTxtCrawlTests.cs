using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Crawling;

public sealed class RobotsTxtCrawlTests : IDisposable
{
    private readonly HttpClient _client = CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Only_the_first_500_KB_of_a_huge_robots_txt_are_read_and_a_note_says_so()
    {
        // About 600 KB: a rule at the start, comment lines as filler, a rule past the cut.
        var filler = string.Concat(Enumerable.Range(0, 15_000).Select(i => $"# filler line {i:D5} of a generated file\n"));
        var robots = "User-agent: *\nDisallow: /private/\n" + filler + "Disallow: /late/\n";
        Assert.InRange(Encoding.UTF8.GetByteCount(robots), 550 * 1024, 650 * 1024);
        await using var site = await ServedSite.StartAsync(
            ("robots.txt", robots),
            ("index.html", Html.Page("Home", body: """<a href="/private/">Private</a> <a href="/late/">Late</a>""")),
            ("private/index.html", Html.Page("Private")),
            ("late/index.html", Html.Page("Late")));

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Contains("robots.txt is larger than 500 KB; like Google, FunnelOps read only its first 500 KB.", crawl.Notes);
        Assert.Equal(FetchOutcome.BlockedByRobots, crawl.Find(site.Url("/private/"))?.Outcome);
        Assert.Equal("Late", crawl.Find(site.Url("/late/"))?.Html?.Title);
    }

    [Fact]
    public async Task A_robots_txt_of_binary_junk_blocks_nothing_and_the_crawl_goes_on()
    {
        var junk = new byte[20_000];
        new Random(1252).NextBytes(junk);
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/pricing/">Pricing</a>""")),
            ("pricing/index.html", Html.Page("Pricing")));
        site.Folder.WriteBytes("robots.txt", junk);

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(["Home", "Pricing"], crawl.Pages.Select(p => p.Html?.Title));
    }

    [Fact]
    public async Task A_robots_txt_that_is_an_HTML_page_blocks_nothing_and_the_crawl_goes_on()
    {
        await using var site = await ServedSite.StartAsync(
            ("robots.txt", Html.Page("Welcome: home", body: """
                <p>Note: this is not a robots file.</p>
                <a href="/disallow/">Disallow: everything</a>
                """)),
            ("index.html", Html.Page("Home", body: """<a href="/pricing/">Pricing</a>""")),
            ("pricing/index.html", Html.Page("Pricing")));

        var crawl = await Engine.CrawlAsync(site.Address);

        Assert.Equal(["Home", "Pricing"], crawl.Pages.Select(p => p.Html?.Title));
        Assert.DoesNotContain(crawl.Snapshots, s => s.Outcome == FetchOutcome.BlockedByRobots);
    }

    [Fact]
    public async Task A_robots_txt_answering_500_lets_the_crawl_go_on_and_a_note_says_so()
    {
        await using var server = RawHttpServer.Start((requestLine, stream, token) => PathOf(requestLine) switch
        {
            "/robots.txt" => RawHttpServer.WriteAsync(stream, 500, "text/plain", "Internal error", token),
            "/" => RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Home", body: """<a href="/pricing/">Pricing</a>"""), token),
            "/pricing/" => RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Pricing"), token),
            _ => RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token),
        });

        var crawl = await Crawler().CrawlAsync(new CrawlOptions { StartUrl = server.Address }, null, CancellationToken.None);

        Assert.Equal(["Home", "Pricing"], crawl.Pages.Select(p => p.Html?.Title));
        Assert.Contains(crawl.Notes, n => n.StartsWith("robots.txt could not be read (status 500)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_a_crawl_delay_pages_are_fetched_one_at_a_time_and_the_crawl_completes()
    {
        var inFlight = new InFlightCounter();
        await using var server = RawHttpServer.Start(async (requestLine, stream, token) =>
        {
            var path = PathOf(requestLine);
            if (path is "/robots.txt" or "/sitemap.xml")
            {
                await RawHttpServer.WriteAsync(stream, path == "/robots.txt" ? 200 : 404, "text/plain",
                    "User-agent: *\nCrawl-delay: 0.2\n", token);
                return;
            }

            await inFlight.HoldAsync(token);
            await RawHttpServer.WriteAsync(stream, 200, "text/html", PageOf(path), token);
        });

        var crawl = await Engine.Crawler().CrawlAsync(
            new CrawlOptions { StartUrl = server.Address, Concurrency = 8 }, null, CancellationToken.None);

        Assert.Equal(7, crawl.Pages.Count());
        Assert.Equal(7, inFlight.Total);
        Assert.Equal(1, inFlight.Max);
    }

    [Fact]
    public async Task Pages_waiting_their_turn_under_a_crawl_delay_are_not_reported_as_timed_out()
    {
        // Every answer is immediate; only the crawl-delay makes the pages queue up for the host.
        await using var server = RawHttpServer.Start((requestLine, stream, token) => PathOf(requestLine) switch
        {
            "/robots.txt" => RawHttpServer.WriteAsync(stream, 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n", token),
            "/sitemap.xml" => RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token),
            var path => RawHttpServer.WriteAsync(stream, 200, "text/html", PageOf(path, links: 4), token),
        });
        var options = new CrawlOptions { StartUrl = server.Address, RequestTimeout = TimeSpan.FromSeconds(2) };

        var crawl = await Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.DoesNotContain(crawl.Snapshots, s => s.Outcome == FetchOutcome.TimedOut);
        Assert.Equal(["/", "/p1/", "/p2/", "/p3/", "/p4/"], crawl.Pages.Select(p => p.Url.AbsolutePath));
    }

    [Fact]
    public void A_rule_written_with_non_ASCII_characters_matches_the_percent_encoded_URL()
    {
        // RFC 9309, 2.2.2: non-ASCII characters are percent-encoded before paths and rules are compared.
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /über-uns/
            Disallow: /%C3%A0-propos/
            """);

        Assert.False(rules.IsAllowed(new Uri("https://www.example.com/%C3%A0-propos/equipe/")));
        Assert.False(rules.IsAllowed(new Uri("https://www.example.com/über-uns/team/")));
        Assert.True(rules.IsAllowed(new Uri("https://www.example.com/ueber-uns/")));
    }

    private static string PathOf(string requestLine) => requestLine.Split(' ') is [_, var path, ..] ? path : "/";

    // The home page links to a few pages, which link nowhere.
    private static string PageOf(string path, int links = 6) => path == "/"
        ? Html.Page("Home", body: string.Join(" ", Enumerable.Range(1, links).Select(i => $"""<a href="/p{i}/">Page {i}</a>""")))
        : Html.Page("Page " + path);

    private SiteCrawler Crawler() =>
        new(new HttpPageFetcher(_client), NullLogger<SiteCrawler>.Instance, TimeProvider.System);

    private static HttpClient CreateClient()
    {
        var client = new HttpClient(HttpPageFetcher.ConfigureHandler());
        HttpPageFetcher.ConfigureClient(client);
        return client;
    }

    /// <summary>Counts the requests a server is answering at once.</summary>
    private sealed class InFlightCounter
    {
        private int _current;
        private int _max;
        private int _total;

        public int Max => Volatile.Read(ref _max);

        public int Total => Volatile.Read(ref _total);

        /// <summary>
        /// Holds a request a little, so that overlapping requests would overlap here. Leaves before
        /// the answer is written, so the next request can never arrive while this one still counts.
        /// </summary>
        public async Task HoldAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _total);
            var now = Interlocked.Increment(ref _current);
            int max;
            while (now > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, max) != max)
            {
            }

            try
            {
                await Task.Delay(50, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }
}
