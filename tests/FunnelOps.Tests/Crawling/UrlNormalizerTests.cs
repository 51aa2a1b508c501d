using FunnelOps.Crawling;

namespace FunnelOps.Tests.Crawling;

public sealed class UrlNormalizerTests
{
    private static string Normalize(string url, TrailingSlash trailingSlash = TrailingSlash.Keep) =>
        new UrlNormalizer(trailingSlash: trailingSlash).Normalize(new Uri(url)).AbsoluteUri;

    [Theory]
    [InlineData("https://www.example.com/pricing/#plans", "https://www.example.com/pricing/")]
    [InlineData("https://www.example.com/pricing/?plan=team#faq", "https://www.example.com/pricing/?plan=team")]
    public void The_fragment_is_dropped(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url));
    }

    [Theory]
    [InlineData("http://www.example.com:80/blog/", "http://www.example.com/blog/")]
    [InlineData("https://www.example.com:443/blog/", "https://www.example.com/blog/")]
    [InlineData("https://www.example.com:8443/blog/", "https://www.example.com:8443/blog/")]
    [InlineData("http://www.example.com:443/blog/", "http://www.example.com:443/blog/")]
    public void The_default_port_of_the_scheme_is_dropped_and_any_other_port_kept(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url));
    }

    [Theory]
    [InlineData("https://www.example.com/docs/a%3ab/", "https://www.example.com/docs/a%3Ab/")]
    [InlineData("https://www.example.com/docs/%e2%82%ac/", "https://www.example.com/docs/%E2%82%AC/")]
    [InlineData("https://www.example.com/search?q=a%2fb", "https://www.example.com/search?q=a%2Fb")]
    public void Percent_escapes_are_written_in_upper_case(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url));
    }

    [Theory]
    [InlineData("https://www.example.com/%7Euser/", "https://www.example.com/~user/")]
    [InlineData("https://www.example.com/%7euser/", "https://www.example.com/~user/")]
    [InlineData("https://www.example.com/%41%42%2D%5F%2E1/", "https://www.example.com/AB-_.1/")]
    [InlineData("https://www.example.com/search?q=%7Ejane", "https://www.example.com/search?q=~jane")]
    public void Escapes_of_unreserved_characters_are_decoded(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url));
    }

    [Fact]
    public void Escapes_of_reserved_characters_stay_escaped()
    {
        // %2F is a slash inside a segment and %3F a question mark: decoding them changes the URL.
        Assert.Equal("https://www.example.com/files/a%2Fb%3F/", Normalize("https://www.example.com/files/a%2fb%3f/"));
    }

    [Fact]
    public void Tracking_parameters_are_removed_and_the_others_keep_their_order()
    {
        var url = "https://www.example.com/pricing/?plan=team&utm_source=news&seats=10&gclid=abc&UTM_Medium=email&a=1";

        Assert.Equal("https://www.example.com/pricing/?plan=team&seats=10&a=1", Normalize(url));
    }

    [Fact]
    public void A_query_of_only_tracking_parameters_leaves_no_question_mark()
    {
        Assert.Equal(
            "https://www.example.com/demo/",
            Normalize("https://www.example.com/demo/?utm_source=ads&utm_campaign=q3&fbclid=x&msclkid=y"));
    }

    [Fact]
    public void A_parameter_that_only_starts_like_a_tracking_one_is_kept()
    {
        // utm_* is a prefix pattern, gclid an exact name.
        Assert.Equal(
            "https://www.example.com/a/?gclid_note=1&utm=2",
            Normalize("https://www.example.com/a/?gclid_note=1&utm=2&gclid=3"));
    }

    [Fact]
    public void Ignored_parameters_can_be_chosen()
    {
        var normalizer = new UrlNormalizer(["sessionid"]);

        var url = normalizer.Normalize(new Uri("https://www.example.com/a/?sessionid=42&utm_source=kept&page=2"));

        Assert.Equal("https://www.example.com/a/?utm_source=kept&page=2", url.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://www.example.com/pricing", "https://www.example.com/pricing")]
    [InlineData("https://www.example.com/pricing/", "https://www.example.com/pricing/")]
    [InlineData("https://www.example.com/", "https://www.example.com/")]
    [InlineData("https://www.example.com", "https://www.example.com/")]
    public void Keep_leaves_the_trailing_slash_as_written(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url, TrailingSlash.Keep));
    }

    [Theory]
    [InlineData("https://www.example.com/pricing", "https://www.example.com/pricing/")]
    [InlineData("https://www.example.com/pricing/", "https://www.example.com/pricing/")]
    [InlineData("https://www.example.com/pricing?plan=team", "https://www.example.com/pricing/?plan=team")]
    [InlineData("https://www.example.com/files/guide.pdf", "https://www.example.com/files/guide.pdf")]
    [InlineData("https://www.example.com/assets/site.css", "https://www.example.com/assets/site.css")]
    [InlineData("https://www.example.com/", "https://www.example.com/")]
    public void Add_appends_a_slash_except_to_file_like_paths_and_the_root(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url, TrailingSlash.Add));
    }

    [Theory]
    [InlineData("https://www.example.com/pricing/", "https://www.example.com/pricing")]
    [InlineData("https://www.example.com/pricing", "https://www.example.com/pricing")]
    [InlineData("https://www.example.com/blog/post/?page=2", "https://www.example.com/blog/post?page=2")]
    [InlineData("https://www.example.com/files/guide.pdf", "https://www.example.com/files/guide.pdf")]
    [InlineData("https://www.example.com/", "https://www.example.com/")]
    public void Remove_drops_the_trailing_slash_but_the_root_stays_a_slash(string url, string expected)
    {
        Assert.Equal(expected, Normalize(url, TrailingSlash.Remove));
    }

    [Fact]
    public void Spaces_and_non_ASCII_characters_are_escaped_in_one_spelling()
    {
        var normalizer = UrlNormalizer.Default;
        var page = new Uri("https://www.example.com/");

        string[] hrefs = ["/über uns/", "/%C3%BCber%20uns/", "/%c3%bcber%20uns/", "/über%20uns/#team"];
        var spellings = hrefs
            .Select(href => normalizer.Resolve(page, href))
            .ToList();

        Assert.All(spellings, url => Assert.Equal("https://www.example.com/%C3%BCber%20uns/", url?.AbsoluteUri));
        Assert.Single(spellings.Distinct());
    }

    [Fact]
    public void Resolve_normalises_what_it_resolves()
    {
        var url = UrlNormalizer.Default.Resolve(
            new Uri("https://www.example.com/blog/post/"), "../%7Eteam/?utm_source=blog&ref=nav#top");

        Assert.Equal("https://www.example.com/blog/~team/?ref=nav", url?.AbsoluteUri);
    }
}
