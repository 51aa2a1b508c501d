using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class RemoveNoindexFixerTests
{
    private readonly RemoveNoindexFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_robots_meta_that_only_says_noindex_and_follow_is_removed_with_its_line(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="robots" content="noindex, follow">
              <title>Pricing — Keelboard</title>
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Pricing — Keelboard</title>
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Other_directives_are_kept_and_only_noindex_goes(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <html>
            <head>
              <title>Demo</title>
              <meta name="robots" content="NOINDEX, nosnippet, max-image-preview:large">
              <meta name='googlebot' content='noindex,noarchive'>
            </head>
            </html>
            """, after: """
            <html>
            <head>
              <title>Demo</title>
              <meta name="robots" content="nosnippet, max-image-preview:large">
              <meta name='googlebot' content='noarchive'>
            </head>
            </html>
            """);
    }

    [Fact]
    public void A_robots_meta_sharing_its_line_with_other_tags_is_cut_out_of_the_line()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html><head><title>Demo</title><meta name="robots" content="noindex"><meta charset="utf-8"></head></html>
            """, after: """
            <html><head><title>Demo</title><meta charset="utf-8"></head></html>
            """);
    }

    [Fact]
    public void It_declines_when_no_robots_meta_says_noindex()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Demo</title><meta name="robots" content="index, follow"></head></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal(
            "The source has no robots meta with noindex; it may come from a header or a build step.",
            run.Result.Summary);
    }
}
