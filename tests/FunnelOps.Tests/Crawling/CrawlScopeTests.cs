using FunnelOps.Crawling;

namespace FunnelOps.Tests.Crawling;

public sealed class CrawlScopeTests
{
    private static readonly Uri Page = new("https://www.example.com/product/features/");

    [Theory]
    [InlineData("/pricing/#plans", "https://www.example.com/pricing/")]
    [InlineData("#top", "https://www.example.com/product/features/")]
    [InlineData("../integrations/?from=features#slack", "https://www.example.com/product/integrations/?from=features")]
    [InlineData("  /demo/  ", "https://www.example.com/demo/")]
    public void Resolve_makes_the_link_absolute_and_drops_the_fragment(string href, string expected)
    {
        var resolved = CrawlScope.Resolve(Page, href);

        Assert.Equal(expected, resolved?.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://WWW.Example.COM:443/pricing/", "https://www.example.com/pricing/")]
    [InlineData("HTTP://www.example.com:80/blog/", "http://www.example.com/blog/")]
    [InlineData("http://www.example.com:8080/blog/", "http://www.example.com:8080/blog/")]
    public void Resolve_writes_scheme_and_host_in_lower_case_and_drops_default_ports(string href, string expected)
    {
        var resolved = CrawlScope.Resolve(Page, href);

        Assert.Equal(expected, resolved?.ToString());
    }

    [Fact]
    public void Two_spellings_of_the_same_page_resolve_to_equal_URLs()
    {
        var first = CrawlScope.Resolve(Page, "https://www.example.com:443/pricing/#faq");
        var second = CrawlScope.Resolve(Page, "/pricing/");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("mailto:sales@example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:void(0)")]
    [InlineData("tel:+15550100")]
    [InlineData("ftp://files.example.com/brochure.pdf")]
    [InlineData("data:text/html,<p>hi</p>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Resolve_refuses_links_that_are_not_http(string? href)
    {
        Assert.Null(CrawlScope.Resolve(Page, href));
    }

    [Fact]
    public void Resolve_refuses_links_longer_than_2048_characters()
    {
        Assert.Null(CrawlScope.Resolve(Page, "/search?q=" + new string('a', 2048)));
    }

    [Theory]
    [InlineData("https://www.example.com/pricing/")]
    [InlineData("https://WWW.EXAMPLE.COM/blog/")]
    [InlineData("https://www.example.com:443/")]
    public void Contains_accepts_the_same_scheme_host_and_port(string url)
    {
        var scope = new CrawlScope(new Uri("https://www.example.com/"));

        Assert.True(scope.Contains(new Uri(url)));
    }

    [Theory]
    [InlineData("http://www.example.com/pricing/")]
    [InlineData("https://www.example.com:8443/pricing/")]
    [InlineData("https://example.com/pricing/")]
    [InlineData("https://blog.example.com/")]
    [InlineData("https://www.example.com.evil.test/")]
    [InlineData("https://www.example.com@evil.test/")]
    public void Contains_refuses_another_scheme_host_or_port(string url)
    {
        var scope = new CrawlScope(new Uri("https://www.example.com/start/"));

        Assert.False(scope.Contains(new Uri(url)));
    }

    [Fact]
    public void The_scope_of_a_loopback_site_includes_its_port()
    {
        var scope = new CrawlScope(new Uri("http://127.0.0.1:4000/"));

        Assert.True(scope.Contains(new Uri("http://127.0.0.1:4000/pricing/")));
        Assert.False(scope.Contains(new Uri("http://127.0.0.1:4001/pricing/")));
    }
}
