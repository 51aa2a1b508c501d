using FunnelOps.Fixes.Fixers;
using FunnelOps.Playbooks;

namespace FunnelOps.Tests.Fixes;

public sealed class EagerLcpImageFixerTests
{
    private static readonly FixTarget Hero = new("""img[src="/img/hero.png"]""", []);

    private readonly EagerLcpImageFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void The_largest_image_loses_lazy_loading_and_is_fetched_first(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, target: Hero, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Keelboard — plan sprints</title>
            </head>
            <body>
              <img src="/img/logo.png" loading="lazy" alt="Keelboard">
              <img src="/img/hero.png" alt="Sprint board" loading="lazy" width="380" height="300">
              <img src="/img/footer.png" loading="lazy" alt="">
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Keelboard — plan sprints</title>
            </head>
            <body>
              <img src="/img/logo.png" loading="lazy" alt="Keelboard">
              <img src="/img/hero.png" alt="Sprint board" width="380" height="300" fetchpriority="high">
              <img src="/img/footer.png" loading="lazy" alt="">
            </body>
            </html>
            """);
    }

    [Fact]
    public void Lazy_loading_written_last_is_removed_and_the_priority_takes_its_place()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, target: Hero, before: """
            <html><head><title>x</title></head><body><img src="/img/hero.png" alt="Hero" loading=lazy></body></html>
            """, after: """
            <html><head><title>x</title></head><body><img src="/img/hero.png" alt="Hero" fetchpriority="high"></body></html>
            """);
    }

    [Fact]
    public void A_self_closing_image_tag_keeps_its_spacing()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, target: Hero, before: """
            <html><head><title>x</title></head><body><img src="/img/hero.png" loading="lazy" alt="Hero" /></body></html>
            """, after: """
            <html><head><title>x</title></head><body><img src="/img/hero.png" alt="Hero" fetchpriority="high" /></body></html>
            """);
    }

    [Fact]
    public void An_image_that_already_has_a_fetch_priority_only_loses_lazy_loading()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, target: Hero, before: """
            <html><head><title>x</title></head><body><img fetchpriority="high" src="/img/hero.png" loading="lazy"></body></html>
            """, after: """
            <html><head><title>x</title></head><body><img fetchpriority="high" src="/img/hero.png"></body></html>
            """);
    }

    [Fact]
    public void It_declines_when_the_image_is_not_in_the_source()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>x</title></head><body><img src="/img/other.png" loading="lazy"></body></html>
            """, target: Hero);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The largest image could not be found in the source file.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_finding_names_no_image()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>x</title></head><body><img src="/img/hero.png" loading="lazy"></body></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The largest image could not be found in the source file.", run.Result.Summary);
    }
}
