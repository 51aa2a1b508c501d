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
}
