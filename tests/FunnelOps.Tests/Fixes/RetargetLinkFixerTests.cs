using FunnelOps.Fixes.Fixers;
using FunnelOps.Playbooks;

namespace FunnelOps.Tests.Fixes;

public sealed class RetargetLinkFixerTests
{
    private static readonly FixTarget OldPricing = new(null,
    [
        new("/old-pricing", "/pricing/"),
        new("/old-pricing?plan=team&seats=5", "/pricing/?plan=team&seats=5"),
    ]);

    private readonly RetargetLinkFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Every_redirected_link_points_straight_at_the_destination_in_its_own_quotes(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, target: OldPricing, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Keelboard — home</title>
            </head>
            <body>
              <nav>
                <a href="/old-pricing">Pricing</a>
                <a class="cta" href='/old-pricing'>Plans</a>
                <a href="/blog/">Blog</a>
                <a href="/old-pricing-faq">FAQ</a>
              </nav>
              <p>See <a href="/old-pricing?plan=team&amp;seats=5">team pricing</a> — or ask us.</p>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Keelboard — home</title>
            </head>
            <body>
              <nav>
                <a href="/pricing/">Pricing</a>
                <a class="cta" href='/pricing/'>Plans</a>
                <a href="/blog/">Blog</a>
                <a href="/old-pricing-faq">FAQ</a>
              </nav>
              <p>See <a href="/pricing/?plan=team&amp;seats=5">team pricing</a> — or ask us.</p>
            </body>
            </html>
            """);
    }

    [Fact]
    public void An_unquoted_href_stays_unquoted()
    {
        var target = new FixTarget(null, [new("/old", "/new/")]);

        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, target: target, before: """
            <html><head><title>x</title></head><body><a href=/old>Old</a></body></html>
            """, after: """
            <html><head><title>x</title></head><body><a href=/new/>Old</a></body></html>
            """);
    }

    [Fact]
    public void The_summary_lists_each_link_once()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>x</title></head><body><a href="/old-pricing">A</a><a href="/old-pricing">B</a></body></html>
            """, target: OldPricing);

        Assert.Equal(2, run.Result.Edits.Count);
        Assert.Equal("Points links straight at their destination: /old-pricing → /pricing/.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_links_are_not_in_the_source()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>x</title></head><body><a href="/pricing/">Pricing</a></body></html>
            """, target: OldPricing);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The redirected links were not found in the source file.", run.Result.Summary);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_broken_link_points_at_the_crawled_page_whose_address_and_title_match_the_missing_one(
        string newline, bool bom)
    {
        var setup = new PageSetup("broken-internal-link")
        {
            Pages =
            [
                ("/guides/sprint-planing/", 404, ""),
                ("/guides/sprint-planning/", 200, "Sprint planning guide | Keelboard"),
                ("/guides/roadmaps/", 200, "Roadmaps guide | Keelboard"),
            ],
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: newline, bom: bom, before: """
            <html lang="en">
            <head><title>Features</title></head>
            <body>
              <p>Read the <a class='guide' href='/guides/sprint-planing/'>sprint guide</a>.</p>
              <p>Or the <a href="/guides/roadmaps/">roadmap guide</a>.</p>
            </body>
            </html>
            """, after: """
            <html lang="en">
            <head><title>Features</title></head>
            <body>
              <p>Read the <a class='guide' href='/guides/sprint-planning/'>sprint guide</a>.</p>
              <p>Or the <a href="/guides/roadmaps/">roadmap guide</a>.</p>
            </body>
            </html>
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_broken_link_follows_the_redirect_rules_the_repository_declares(string newline, bool bom)
    {
        var setup = new PageSetup("broken-internal-link")
        {
            Pages = [("/old-guide/", 404, ""), ("/guides/sprint-planning/", 200, "Sprint planning guide")],
            Files = [("_redirects", "/old-guide/ /guide/ 301\n/guide/ /guides/sprint-planning/ 301\n"u8.ToArray())],
        };

        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Features</title></head>
            <body><a href="/old-guide/">Guide</a></body></html>
            """, setup, newline, bom);

        Assert.Equal("""
            <html><head><title>Features</title></head>
            <body><a href="/guides/sprint-planning/">Guide</a></body></html>
            """.ReplaceLineEndings(newline), run.NewText);
        Assert.Equal(
            "Points links that led to a missing page at the page that replaced it: /old-guide/ → " +
            "/guides/sprint-planning/ (the site's _redirects file sends /old-guide/ to /guides/sprint-planning/).",
            run.Change!.Summary);
        Assert.NotNull(run.Change.ReviewNote);
    }

    [Fact]
    public void A_broken_link_without_a_clearly_matching_page_is_left_alone()
    {
        var setup = new PageSetup("broken-internal-link")
        {
            Pages =
            [
                ("/blog/engineering-metrics-guide/", 404, ""),
                ("/blog/delivery-metrics/", 200, "Delivery metrics that matter"),
                ("/blog/engineering-onboarding/", 200, "Onboarding engineers"),
            ],
        };

        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Features</title></head>
            <body><a href="/blog/engineering-metrics-guide/">Metrics</a></body></html>
            """, setup);

        Assert.Null(run.Change);
        Assert.Equal(
            "No page of the site clearly replaces /blog/engineering-metrics-guide/: no redirect rule names it, and " +
            "no crawled page's address or title matches it closely enough to point the link there unchecked.",
            run.Reason);
    }

    [Fact]
    public void Two_pages_that_match_a_broken_link_equally_well_give_no_fix()
    {
        var setup = new PageSetup("broken-internal-link")
        {
            Pages =
            [
                ("/guides/sprint-planning/", 404, ""),
                ("/guides/sprint-planning-1/", 200, "Sprint planning, part one"),
                ("/guides/sprint-planning-2/", 200, "Sprint planning, part two"),
            ],
        };

        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Features</title></head>
            <body><a href="/guides/sprint-planning/">Guide</a></body></html>
            """, setup);

        Assert.Null(run.Change);
        Assert.StartsWith("No page of the site clearly replaces /guides/sprint-planning/", run.Reason, StringComparison.Ordinal);
    }
}
