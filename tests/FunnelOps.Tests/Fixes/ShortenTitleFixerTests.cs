using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class ShortenTitleFixerTests
{
    private readonly ShortenTitleFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Trailing_segments_are_dropped_until_the_title_fits_and_only_its_text_changes(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title data-page="pricing">Pricing for product teams &amp; agencies | Plans, seats and billing | Keelboard</title>
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title data-page="pricing">Pricing for product teams &amp; agencies</title>
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """);
    }

    [Theory]
    [InlineData(
        "Sprint planning software for product teams - Features - Keelboard",
        "Sprint planning software for product teams - Features")]
    [InlineData(
        "Keelboard — sprint planning, roadmaps, releases and retrospectives for product teams",
        "Keelboard — sprint planning, roadmaps, releases")]
    [InlineData(
        "Sprint planning software for product teams who ship every single week | Keelboard",
        "Sprint planning software for product teams who ship every")]
    [InlineData(
        "Pricing, plans, invoices, discounts, volume deals, and procurement: everything explained",
        "Pricing, plans, invoices, discounts, volume deals")]
    public void Segments_go_first_unless_too_little_would_remain_and_cuts_end_on_a_word(string title, string expected)
    {
        var shorter = TitleCopy.Shorten(title);

        Assert.Equal(expected, shorter);
        Assert.True(shorter.Length <= 60);
    }

    [Fact]
    public void The_summary_gives_both_lengths_and_the_review_note_marks_suggested_copy()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Integrations with Slack, GitHub, Jira and forty other tools | Keelboard</title></head></html>
            """);

        Assert.Equal(
            "Shortens the title from 71 to 59 characters: " +
            "\"Integrations with Slack, GitHub, Jira and forty other tools\".",
            run.Result.Summary);
        Assert.StartsWith("The shorter title is suggested copy", run.Result.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public void It_declines_when_the_title_already_fits()
    {
        var run = FixerRun.Of(_fixer, "<html><head><title>Pricing | Keelboard</title></head></html>");

        Assert.False(run.Result.HasEdits);
        Assert.Equal(
            "The title in the source already fits in 60 characters; the live page may be out of date.",
            run.Result.Summary);
    }
}
