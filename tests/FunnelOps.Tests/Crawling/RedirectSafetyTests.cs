using System.Net;
using FunnelOps.Crawling;
using FunnelOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Crawling;

public sealed class RedirectSafetyTests
{
    private const string MetadataService = "http://169.254.169.254/latest/meta-data/";

    [Fact]
    public async Task A_redirect_loop_ends_as_a_loop_and_counts_as_broken()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/a">A</a>""")),
            ("_redirects", """
                /a /b 301
                /b /a 302
                """));

        var crawl = await Engine.CrawlAsync(site.Address);

        var loop = crawl.Find(site.Url("/a"));
        Assert.NotNull(loop);
        Assert.Equal(FetchOutcome.RedirectLoop, loop.Outcome);
        Assert.True(loop.IsBroken);
        Assert.Equal(
            [new RedirectHop(site.Url("/a"), site.Url("/b"), 301), new RedirectHop(site.Url("/b"), site.Url("/a"), 302)],
            loop.Redirects);
    }

    [Fact]
    public async Task A_chain_of_twenty_hops_is_cut_after_the_redirect_limit_and_counts_as_broken()
    {
        var rules = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"/r{i} {(i < 20 ? $"/r{i + 1}" : "/end/")} 301"));
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/r1">Start</a>""")),
            ("_redirects", rules),
            ("end/index.html", Html.Page("End")));
        var fetcher = new RecordingFetcher(Engine.Fetcher());
        var options = new CrawlOptions { StartUrl = site.Address, MaxRedirects = 10 };

        var crawl = await Crawler(fetcher).CrawlAsync(options, null, CancellationToken.None);

        var chain = crawl.Find(site.Url("/r1"));
        Assert.NotNull(chain);
        Assert.Equal(FetchOutcome.TooManyRedirects, chain.Outcome);
        Assert.True(chain.IsBroken);
        Assert.Equal("More than 10 redirects in a row; the chain was cut.", chain.Error);
        // Ten hops are followed; the eleventh is recorded and not requested.
        Assert.Equal(11, chain.Redirects.Count);
        Assert.Equal(
            Enumerable.Range(1, 11).Select(i => $"/r{i}"),
            fetcher.Fetched.Select(u => u.AbsolutePath).Where(p => p.StartsWith("/r", StringComparison.Ordinal) && p != "/robots.txt"));
        Assert.DoesNotContain(site.Url("/end/"), fetcher.Fetched);
    }

    [Fact]
    public async Task A_redirect_off_the_site_half_way_down_a_chain_is_recorded_never_requested_and_not_broken()
    {
        await using var other = RawHttpServer.Start((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Partner"), token));
        var elsewhere = new Uri(other.Address, "/landing/");
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/partner">Partner</a>""")),
            ("_redirects", $"""
                /partner /go/partner 301
                /go/partner {elsewhere} 302
                """));

        var crawl = await Engine.CrawlAsync(site.Address);

        var partner = crawl.Find(site.Url("/partner"));
        Assert.NotNull(partner);
        Assert.Equal(FetchOutcome.RedirectsOffSite, partner.Outcome);
        Assert.False(partner.IsBroken);
        Assert.Equal(elsewhere, partner.FinalUrl);
        Assert.Equal(2, partner.Redirects.Count);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task A_redirect_to_a_link_local_metadata_address_is_recorded_as_off_site_and_never_requested()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/status">Status</a>""")),
            ("_redirects", $"/status {MetadataService} 302"));
        var fetcher = new RecordingFetcher(Engine.Fetcher());

        var crawl = await Crawler(fetcher).CrawlAsync(new CrawlOptions { StartUrl = site.Address }, null, CancellationToken.None);

        var status = crawl.Find(site.Url("/status"));
        Assert.NotNull(status);
        Assert.Equal(FetchOutcome.RedirectsOffSite, status.Outcome);
        Assert.Equal([new RedirectHop(site.Url("/status"), new Uri(MetadataService), 302)], status.Redirects);
        Assert.Equal("Redirects to 169.254.169.254, outside the crawled site; not followed.", status.Error);
        Assert.DoesNotContain(fetcher.Fetched, u => u.Host == "169.254.169.254");
        Assert.Null(crawl.Find(new Uri(MetadataService)));
    }

    [Fact]
    public async Task The_fetcher_refuses_to_connect_to_a_link_local_address()
    {
        var response = await Engine.Fetcher().FetchAsync(new Uri(MetadataService), 64 * 1024, CancellationToken.None);

        Assert.Equal(0, response.Status);
        Assert.Contains("link-local", response.Error, StringComparison.Ordinal);
        Assert.True(response.Body.IsEmpty);
    }

    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.0.1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("169.255.0.1", false)]
    [InlineData("::1", false)]
    public void Link_local_addresses_are_recognised_in_IPv4_IPv6_and_mapped_form(string address, bool linkLocal)
    {
        Assert.Equal(linkLocal, CrawlerServices.IsLinkLocal(IPAddress.Parse(address)));
    }

    private static SiteCrawler Crawler(IPageFetcher fetcher) =>
        new(fetcher, NullLogger<SiteCrawler>.Instance, TimeProvider.System);
}
