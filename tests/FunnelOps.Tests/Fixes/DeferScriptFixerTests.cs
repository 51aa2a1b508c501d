using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class DeferScriptFixerTests
{
    private readonly DeferScriptFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Render_blocking_head_scripts_get_defer_and_every_other_script_is_left_alone(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Home — Keelboard</title>
              <script src="/js/analytics.js"></script>
              <script src="/js/widget.js" async></script>
              <script src="/js/menu.js" defer></script>
              <script type="module" src="/js/app.js"></script>
              <script src=/js/legacy.js></script>
              <script>window.dataLayer = [];</script>
            </head>
            <body>
              <script src="/js/footer.js"></script>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Home — Keelboard</title>
              <script src="/js/analytics.js" defer></script>
              <script src="/js/widget.js" async></script>
              <script src="/js/menu.js" defer></script>
              <script type="module" src="/js/app.js"></script>
              <script src=/js/legacy.js defer></script>
              <script>window.dataLayer = [];</script>
            </head>
            <body>
              <script src="/js/footer.js"></script>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_summary_names_the_deferred_scripts()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>x</title><script src="/js/analytics.js"></script><script src="https://cdn.example.com/chat.js?v=2"></script></head></html>
            """);

        Assert.Equal("Adds defer to analytics.js, chat.js?v=2, so the page appears before the script runs.", run.Result.Summary);
        Assert.NotNull(run.Result.ReviewNote);
    }

    [Fact]
    public void It_declines_when_no_head_script_blocks_rendering()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>x</title><script src="/a.js" defer></script><script>inline()</script></head>
            <body><script src="/b.js"></script></body></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The source has no render-blocking script in its head.", run.Result.Summary);
    }
}
