using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class RewriteMetaDescriptionFixerTests
{
    private readonly RewriteMetaDescriptionFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void The_content_becomes_the_first_paragraphs_sentences_and_nothing_else_changes(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Pricing — Keelboard</title>
              <meta
                name="description"
                content="Pricing."
                data-source="cms">
            </head>
            <body>
              <main>
                <h1>Pricing</h1>
                <p>Keelboard plans start at €12 per seat. Every plan includes unlimited boards and "single sign-on". Talk to our sales team about volume pricing, invoicing and onboarding for large teams.</p>
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Pricing — Keelboard</title>
              <meta
                name="description"
                content="Keelboard plans start at €12 per seat. Every plan includes unlimited boards and &quot;single sign-on&quot;."
                data-source="cms">
            </head>
            <body>
              <main>
                <h1>Pricing</h1>
                <p>Keelboard plans start at €12 per seat. Every plan includes unlimited boards and "single sign-on". Talk to our sales team about volume pricing, invoicing and onboarding for large teams.</p>
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void Single_quotes_stay_single_and_an_unquoted_value_gets_quotes()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html><head><title>Agencies</title>
            <meta name='description' content='Agencies'>
            <meta name=description content=Agencies>
            </head>
            <body><p>Plans for 'small' agencies &amp; studios that bill by the hour. Share boards with clients for free.</p></body>
            </html>
            """, after: """
            <html><head><title>Agencies</title>
            <meta name='description' content='Plans for &#39;small&#39; agencies &amp; studios that bill by the hour. Share boards with clients for free.'>
            <meta name=description content=Agencies>
            </head>
            <body><p>Plans for 'small' agencies &amp; studios that bill by the hour. Share boards with clients for free.</p></body>
            </html>
            """);
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html><head><title>Agencies</title><meta name=description content=Agencies></head>
            <body><p>Plans for small agencies and studios that bill by the hour. Share boards with clients for free.</p></body>
            </html>
            """, after: """
            <html><head><title>Agencies</title><meta name=description content="Plans for small agencies and studios that bill by the hour. Share boards with clients for free."></head>
            <body><p>Plans for small agencies and studios that bill by the hour. Share boards with clients for free.</p></body>
            </html>
            """);
    }

    [Fact]
    public void The_summary_gives_both_lengths_and_the_review_note_asks_for_a_read()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title><meta name="description" content="Keelboard."></head>
            <body><p>Keelboard helps product teams plan sprints, track work and ship on time without spreadsheets.</p></body>
            </html>
            """);

        Assert.Equal(
            "Replaces the meta description (10 characters) with 93 characters taken from the page's first paragraph.",
            run.Result.Summary);
        Assert.NotNull(run.Result.ReviewNote);
    }

    [Fact]
    public void It_declines_when_the_page_has_too_little_copy()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title><meta name="description" content="Keelboard."></head>
            <body><p>Plan sprints.</p></body>
            </html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The page has too little opening copy to write a description from.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_source_has_no_description()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title></head>
            <body><p>Keelboard helps product teams plan sprints, track work and ship on time without spreadsheets.</p></body>
            </html>
            """);

        Assert.Equal(
            "The source has no meta description to rewrite; it may come from a layout or a build step.",
            run.Result.Summary);
    }
}
