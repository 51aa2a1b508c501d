using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class RetitleFromH1FixerTests
{
    private readonly RetitleFromH1Fixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_shared_title_is_replaced_by_the_pages_main_heading_and_the_site_suffix(string newline, bool bom)
    {
        var setup = new PageSetup("duplicate-title")
        {
            Parameters = new Dictionary<string, string> { ["suffix"] = "— Keelboard" },
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>
                Keelboard
              </title>
            </head>
            <body>
              <h1>Roadmaps for <em>every</em> team</h1>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>
                Roadmaps for every team — Keelboard
              </title>
            </head>
            <body>
              <h1>Roadmaps for <em>every</em> team</h1>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_summary_names_both_titles_and_the_review_note_marks_suggested_copy()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Keelboard</title></head><body><h1>Boards &lt;beta&gt;</h1></body></html>
            """);

        Assert.Equal("""
            <html><head><title>Boards &lt;beta&gt;</title></head><body><h1>Boards &lt;beta&gt;</h1></body></html>
            """, run.NewText);
        Assert.Equal(
            "Replaces the title \"Keelboard\" with \"Boards <beta>\", written from the page's main heading.",
            run.Result.Summary);
        Assert.StartsWith("The title is suggested copy", run.Result.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public void It_declines_when_the_heading_says_what_the_title_already_says()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Features</title></head><body><h1>features</h1></body></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal(
            "The page's main heading is the same as its title, so a title written from it would still be shared.",
            run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_source_has_no_title()
    {
        var run = FixerRun.Of(_fixer, "<html><head></head><body><h1>Features</h1></body></html>");

        Assert.Equal(
            "The source has no <title> to replace; the title may come from a layout or a build step.",
            run.Result.Summary);
    }
}
