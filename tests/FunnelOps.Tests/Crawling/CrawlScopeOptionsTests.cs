using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

public sealed class CrawlScopeOptionsTests
{
    private static readonly Uri Start = new("https://www.example.com/");

    [Theory]
    [InlineData("https://example.com/pricing/")]
    [InlineData("https://EXAMPLE.com/")]
    [InlineData("https://www.example.com/pricing/")]
    public void Extra_hosts_belong_to_the_site(string url)
    {
        var scope = new CrawlScope(new CrawlOptions { StartUrl = Start, ExtraHosts = ["example.com"] });

        Assert.True(scope.Contains(new Uri(url)));
    }

    [Theory]
    [InlineData("https://blog.example.com/")]
    [InlineData("https://example.com.evil.test/")]
    [InlineData("https://example.com:8443/")]
    public void Hosts_that_are_not_listed_and_other_ports_stay_outside(string url)
    {
        var scope = new CrawlScope(new CrawlOptions { StartUrl = Start, ExtraHosts = ["example.com"] });

        Assert.False(scope.Contains(new Uri(url)));
    }

    [Fact]
    public void An_extra_host_of_a_site_on_a_port_is_on_the_site_at_that_port()
    {
        // A staging site is often served on a port; its other host name is served on the same one.
        var scope = new CrawlScope(new CrawlOptions
        {
            StartUrl = new Uri("http://127.0.0.1:4000/"),
            ExtraHosts = ["localhost"],
        });

        Assert.True(scope.Contains(new Uri("http://localhost:4000/about/")));
        Assert.False(scope.Contains(new Uri("http://localhost:4001/about/")));
    }

    [Theory]
    [InlineData("https://www.example.com/blog/", true)]
    [InlineData("https://www.example.com/blog/how-to-plan/", true)]
    [InlineData("https://www.example.com/blog/drafts/", false)]
    [InlineData("https://www.example.com/blog/drafts/next-post/", false)]
    [InlineData("https://www.example.com/pricing/", false)]
    [InlineData("https://www.example.com/", false)]
    public void A_URL_must_match_an_include_pattern_and_no_exclude_pattern(string url, bool contained)
    {
        var scope = new CrawlScope(new CrawlOptions
        {
            StartUrl = Start,
            Include = [UrlPattern.Parse("/blog/**")],
            Exclude = [UrlPattern.Parse("/blog/drafts/**")],
        });

        Assert.Equal(contained, scope.Contains(new Uri(url)));
    }

    [Fact]
    public void Include_and_exclude_patterns_do_not_change_which_hosts_are_on_the_site()
    {
        var scope = new CrawlScope(new CrawlOptions
        {
            StartUrl = Start,
            Exclude = [UrlPattern.Parse("/private/**")],
        });

        Assert.True(scope.IsOnSite(new Uri("https://www.example.com/private/plans/")));
        Assert.False(scope.Contains(new Uri("https://www.example.com/private/plans/")));
    }

    [Fact]
    public async Task A_crawl_reads_only_the_included_paths_outside_the_excluded_ones()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/blog/">Blog</a> <a href="/pricing/">Pricing</a>""")),
            ("blog/index.html", Html.Page("Blog", body: """
                <a href="/blog/first/">First</a> <a href="/blog/drafts/secret/">Draft</a> <a href="/pricing/">Pricing</a>
                """)),
            ("blog/first/index.html", Html.Page("First")),
            ("blog/drafts/secret/index.html", Html.Page("Draft")),
            ("pricing/index.html", Html.Page("Pricing")));
        var options = new CrawlOptions
        {
            StartUrl = site.Url("/blog/"),
            Include = [UrlPattern.Parse("/blog/**")],
            Exclude = [UrlPattern.Parse("/blog/drafts/**")],
        };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(["/blog/", "/blog/first/"], crawl.Snapshots.Select(s => s.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_crawl_follows_links_to_an_extra_host_of_the_site()
    {
        await using var site = await ServedSite.StartAsync(
            ("about/index.html", Html.Page("About")));
        var alias = new Uri($"http://localhost:{site.Address.Port}/about/");
        site.Folder.Write("index.html", Html.Page("Home", body: $"""<a href="{alias}">About</a>"""));
        var options = new CrawlOptions { StartUrl = site.Address, ExtraHosts = ["localhost"] };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal("About", crawl.Find(alias)?.Html?.Title);
    }
}
