using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class InsertTitleFixerTests
{
    private readonly InsertTitleFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_title_from_the_main_heading_goes_on_its_own_line_after_the_charset(string newline, bool bom)
    {
        PlannedRun.AssertFixes(_fixer, new PageSetup("title-missing"), newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
            </head>
            <body>
                <main>
                    <h1>Sprint planning <span class="accent">&amp; roadmaps</span></h1>
                </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
                <meta charset="utf-8">
                <title>Sprint planning &amp; roadmaps</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
            </head>
            <body>
                <main>
                    <h1>Sprint planning <span class="accent">&amp; roadmaps</span></h1>
                </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_site_suffix_from_the_playbook_ends_the_title_and_without_a_charset_it_goes_first_in_the_head()
    {
        var setup = new PageSetup("title-missing")
        {
            Parameters = new Dictionary<string, string> { ["suffix"] = " | Keelboard" },
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: "\n", bom: false, before: """
            <html>
            <head>
              <link rel="stylesheet" href="/site.css">
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """, after: """
            <html>
            <head>
              <title>Pricing | Keelboard</title>
              <link rel="stylesheet" href="/site.css">
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """);
    }

    [Fact]
    public void An_empty_title_is_filled_in_place()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html><head><title> </title></head><body><h1>Integrations</h1></body></html>
            """, after: """
            <html><head><title>Integrations</title></head><body><h1>Integrations</h1></body></html>
            """);
    }

    [Fact]
    public void A_suffix_that_would_make_the_title_too_long_is_left_off_and_a_long_heading_is_cut_at_a_word()
    {
        Assert.Equal("Pricing | Keelboard", TitleCopy.FromHeading("Pricing", "| Keelboard"));
        var heading = "Plan sprints, track every release and keep stakeholders in the loop";

        var title = TitleCopy.FromHeading(heading, "| Keelboard");

        Assert.Equal("Plan sprints, track every release and keep stakeholders", title);
    }

    [Fact]
    public void The_review_note_marks_the_title_as_suggested_copy()
    {
        var run = FixerRun.Of(_fixer, "<html><head></head><body><h1>Integrations</h1></body></html>");

        Assert.Equal("Adds the title \"Integrations\", written from the page's main heading.", run.Result.Summary);
        Assert.StartsWith("The title is suggested copy", run.Result.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public void It_declines_when_the_page_has_no_main_heading()
    {
        var run = FixerRun.Of(_fixer, "<html><head></head><body><h2>Integrations</h2></body></html>");

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The page has no main heading (h1) to write a title from.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_source_already_has_a_title()
    {
        var run = FixerRun.Of(_fixer, "<html><head><title>Old</title></head><body><h1>New</h1></body></html>");

        Assert.Equal("The source already has a title; the live page may be out of date.", run.Result.Summary);
    }
}
