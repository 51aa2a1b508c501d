using FunnelOps.Crawling;

namespace FunnelOps.Tests.Crawling;

public sealed class RobotsRulesTests
{
    private static bool Allowed(RobotsRules rules, string pathAndQuery) =>
        rules.IsAllowed(new Uri("https://www.example.com" + pathAndQuery));

    [Fact]
    public void The_group_for_every_crawler_applies_when_there_is_no_funnelops_group()
    {
        var rules = RobotsRules.Parse("""
            User-agent: Googlebot
            Disallow: /not-for-google/

            User-agent: *
            Disallow: /private/
            """);

        Assert.False(Allowed(rules, "/private/report.html"));
        Assert.True(Allowed(rules, "/pricing/"));
        Assert.True(Allowed(rules, "/not-for-google/"));
    }

    [Fact]
    public void A_funnelops_group_replaces_the_group_for_every_crawler()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /

            User-agent: FunnelOps
            Disallow: /drafts/
            """);

        Assert.True(Allowed(rules, "/pricing/"));
        Assert.False(Allowed(rules, "/drafts/launch.html"));
    }

    [Fact]
    public void An_empty_disallow_in_the_funnelops_group_allows_everything_even_when_every_other_crawler_is_shut_out()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /

            User-agent: funnelops
            Disallow:
            """);

        Assert.True(Allowed(rules, "/pricing/"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group()
    {
        var rules = RobotsRules.Parse("""
            User-agent: Bingbot
            User-agent: funnelops
            Disallow: /staging/
            """);

        Assert.False(Allowed(rules, "/staging/"));
        Assert.True(Allowed(rules, "/"));
    }

    [Fact]
    public void Without_a_matching_group_everything_is_allowed()
    {
        var rules = RobotsRules.Parse("""
            User-agent: Googlebot
            Disallow: /
            """);

        Assert.True(Allowed(rules, "/anything"));
    }

    [Fact]
    public void The_longest_matching_rule_wins_whatever_its_order()
    {
        var allowFirst = RobotsRules.Parse("""
            User-agent: *
            Allow: /docs/public/
            Disallow: /docs/
            """);
        var disallowFirst = RobotsRules.Parse("""
            User-agent: *
            Disallow: /docs/
            Allow: /docs/public/
            """);

        foreach (var rules in new[] { allowFirst, disallowFirst })
        {
            Assert.True(Allowed(rules, "/docs/public/setup.html"));
            Assert.False(Allowed(rules, "/docs/internal/setup.html"));
        }
    }

    [Fact]
    public void A_longer_disallow_beats_a_shorter_allow()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Allow: /shop/
            Disallow: /shop/cart
            """);

        Assert.False(Allowed(rules, "/shop/cart?id=4"));
        Assert.True(Allowed(rules, "/shop/shoes"));
    }

    [Fact]
    public void Allow_wins_when_the_matching_rules_are_equally_long()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /page
            Allow: /page
            Disallow: /p*ge2
            Allow: /pa*e2
            """);

        Assert.True(Allowed(rules, "/page"));
        Assert.True(Allowed(rules, "/page2"));
    }

    [Fact]
    public void A_star_matches_any_run_of_characters()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /*/print/
            Disallow: /search*q=
            """);

        Assert.False(Allowed(rules, "/blog/print/post-1"));
        Assert.False(Allowed(rules, "/a/b/print/"));
        Assert.False(Allowed(rules, "/search?lang=en&q=boards"));
        Assert.True(Allowed(rules, "/blog/post-1"));
        Assert.True(Allowed(rules, "/search?lang=en"));
    }

    [Fact]
    public void A_dollar_at_the_end_anchors_the_rule_to_the_end_of_the_URL()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /*.pdf$
            """);

        Assert.False(Allowed(rules, "/files/report.pdf"));
        Assert.True(Allowed(rules, "/files/report.pdf?download=1"));
        Assert.True(Allowed(rules, "/files/report.pdfx"));
    }

    [Fact]
    public void Rules_match_as_prefixes_of_path_and_query()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /fish
            """);

        Assert.False(Allowed(rules, "/fish"));
        Assert.False(Allowed(rules, "/fish.html"));
        Assert.False(Allowed(rules, "/fishheads/yummy.html"));
        Assert.True(Allowed(rules, "/Fish.asp"));
        Assert.True(Allowed(rules, "/catfish"));
    }

    [Fact]
    public void Comments_are_ignored_whole_line_or_at_the_end_of_a_line()
    {
        var rules = RobotsRules.Parse("""
            # Disallow: /pricing/
            User-agent: * # every crawler
            Disallow: /secret # keep out
            """);

        Assert.True(Allowed(rules, "/pricing/"));
        Assert.False(Allowed(rules, "/secret/plans"));
    }

    [Fact]
    public void Malformed_and_unknown_lines_are_ignored()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow /no-colon/
            : /no-field/
            Crawl-delay: 10
            Sitemap: https://www.example.com/sitemap.xml
            Noindex: /old/
            Disallow: /admin/
            """);

        Assert.True(Allowed(rules, "/no-colon/"));
        Assert.True(Allowed(rules, "/no-field/"));
        Assert.True(Allowed(rules, "/old/"));
        Assert.False(Allowed(rules, "/admin/users"));
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var rules = RobotsRules.Parse("User-agent: *\r\nDisallow: /tmp$\r\nDisallow: /private/\r\n");

        Assert.False(Allowed(rules, "/tmp"));
        Assert.False(Allowed(rules, "/private/x"));
        Assert.True(Allowed(rules, "/tmp/x"));
    }

    [Fact]
    public void Regular_expression_characters_in_a_rule_match_themselves()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /a.b+(c)?
            """);

        Assert.False(Allowed(rules, "/a.b+(c)?d=1"));
        Assert.True(Allowed(rules, "/axb+(c)"));
    }

    [Fact]
    public void Allow_all_allows_everything()
    {
        Assert.True(Allowed(RobotsRules.AllowAll, "/"));
        Assert.True(Allowed(RobotsRules.Parse(""), "/private/"));
    }
}
