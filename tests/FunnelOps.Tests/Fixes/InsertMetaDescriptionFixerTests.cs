using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class InsertMetaDescriptionFixerTests
{
    private readonly InsertMetaDescriptionFixer _fixer = new();

    [Fact]
    public void A_breadcrumb_above_the_opening_copy_is_left_out_of_the_description()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html lang="en"><head>
            <title>Delivery forecasting</title>
            </head><body><main>
            <p class="eyebrow"><a href="/features/">Features</a> / Forecasting</p>
            <h1>Delivery forecasts you can defend</h1>
            <p>Keelboard gives every epic and roadmap item a date range with a confidence level, from your own history.</p>
            </main></body></html>
            """, after: """
            <html lang="en"><head>
            <title>Delivery forecasting</title>
            <meta name="description" content="Keelboard gives every epic and roadmap item a date range with a confidence level, from your own history.">
            </head><body><main>
            <p class="eyebrow"><a href="/features/">Features</a> / Forecasting</p>
            <h1>Delivery forecasts you can defend</h1>
            <p>Keelboard gives every epic and roadmap item a date range with a confidence level, from your own history.</p>
            </main></body></html>
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_description_from_the_first_paragraph_is_inserted_after_the_title(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Pricing — Keelboard</title>
              <link rel="stylesheet" href="/site.css">
            </head>
            <body>
              <main>
                <h1>Pricing</h1>
                <p>Keelboard plans start at €12 per seat. Every plan includes unlimited boards and single sign-on. Talk to our sales team about volume pricing, invoicing and onboarding for large teams.</p>
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Pricing — Keelboard</title>
              <meta name="description" content="Keelboard plans start at €12 per seat. Every plan includes unlimited boards and single sign-on.">
              <link rel="stylesheet" href="/site.css">
            </head>
            <body>
              <main>
                <h1>Pricing</h1>
                <p>Keelboard plans start at €12 per seat. Every plan includes unlimited boards and single sign-on. Talk to our sales team about volume pricing, invoicing and onboarding for large teams.</p>
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_new_tag_follows_the_documents_quotes_and_self_closing_style_and_escapes_the_copy()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html>
            <head>
                <meta charset='utf-8' />
                <title>Agencies</title>
                <link rel='icon' href='/favicon.ico' />
            </head>
            <body>
            <p>Plans for 'small' agencies &amp; studios that bill &lt;by the hour&gt;. Share boards with clients without paying for their seats.</p>
            </body>
            </html>
            """, after: """
            <html>
            <head>
                <meta charset='utf-8' />
                <title>Agencies</title>
                <meta name='description' content='Plans for &#39;small&#39; agencies &amp; studios that bill &lt;by the hour&gt;. Share boards with clients without paying for their seats.' />
                <link rel='icon' href='/favicon.ico' />
            </head>
            <body>
            <p>Plans for 'small' agencies &amp; studios that bill &lt;by the hour&gt;. Share boards with clients without paying for their seats.</p>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_summary_says_how_long_the_description_is_and_the_review_note_asks_for_a_read()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title></head>
            <body><p>Keelboard helps product teams plan sprints, track work and ship on time without spreadsheets.</p></body>
            </html>
            """);

        Assert.Equal("Adds a meta description (93 characters) taken from the page's first paragraph.", run.Result.Summary);
        Assert.NotNull(run.Result.ReviewNote);
    }

    [Fact]
    public void It_declines_when_the_source_already_has_a_description()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title><meta name="Description" content="Old copy."></head>
            <body><p>Keelboard helps product teams plan sprints, track work and ship on time without spreadsheets.</p></body>
            </html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The source already has a meta description; the live page may be out of date.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_page_has_too_little_copy()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title></head>
            <body><p>Plan sprints.</p></body>
            </html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The page has too little opening copy to write a description from.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_the_source_has_no_title_to_follow()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><meta charset="utf-8"></head>
            <body><p>Keelboard helps product teams plan sprints, track work and ship on time without spreadsheets.</p></body>
            </html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The source has no <title> to place the description after.", run.Result.Summary);
    }

    [Fact]
    public void Describe_keeps_the_whole_sentences_that_fit_in_155_characters()
    {
        var description = InsertMetaDescriptionFixer.Describe(
            "Keelboard plans start at $12 per seat. Every plan includes unlimited boards and single sign-on. " +
            "Talk to our sales team about volume pricing, invoicing and onboarding for large teams.");

        Assert.Equal(
            "Keelboard plans start at $12 per seat. Every plan includes unlimited boards and single sign-on.",
            description);
    }

    [Fact]
    public void Describe_takes_every_sentence_when_all_of_them_fit()
    {
        var text = "Keelboard plans start at $12 per seat. Every plan includes boards. Questions? Ask us!";

        Assert.Equal(text, InsertMetaDescriptionFixer.Describe(text));
    }

    [Fact]
    public void Describe_reads_paragraphs_as_one_text()
    {
        var description = InsertMetaDescriptionFixer.Describe(
            "Keelboard plans start at $12 per seat.\nEvery plan includes unlimited boards and single sign-on.");

        Assert.Equal(
            "Keelboard plans start at $12 per seat. Every plan includes unlimited boards and single sign-on.",
            description);
    }

    [Fact]
    public void Describe_does_not_end_a_sentence_inside_a_number_or_a_domain()
    {
        var description = InsertMetaDescriptionFixer.Describe(
            "Keelboard 2.5 adds portfolio views to keelboard.com for every team, so leaders see all work in one place. " +
            "It also adds a long list of smaller improvements that the release notes describe in full detail for admins.");

        Assert.Equal(
            "Keelboard 2.5 adds portfolio views to keelboard.com for every team, so leaders see all work in one place.",
            description);
    }

    [Fact]
    public void Describe_gives_nothing_when_the_sentences_that_fit_are_shorter_than_70_characters()
    {
        var description = InsertMetaDescriptionFixer.Describe(
            "Plan sprints. " + string.Join(' ', Enumerable.Repeat("This second sentence runs on", 8)) + ".");

        Assert.Null(description);
    }

    [Fact]
    public void Describe_cuts_a_first_sentence_longer_than_155_characters_at_a_word_with_an_ellipsis()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("Keelboard keeps roadmaps, sprints and releases in one place,", 4)) + ".";

        var description = InsertMetaDescriptionFixer.Describe(sentence);

        Assert.Equal(
            "Keelboard keeps roadmaps, sprints and releases in one place, " +
            "Keelboard keeps roadmaps, sprints and releases in one place, Keelboard keeps roadmaps…",
            description);
    }

    [Fact]
    public void Describe_gives_nothing_for_one_long_word_instead_of_failing()
    {
        Assert.Null(InsertMetaDescriptionFixer.Describe(new string('x', 200)));
    }

    [Fact]
    public void Describe_gives_nothing_for_an_empty_excerpt()
    {
        Assert.Null(InsertMetaDescriptionFixer.Describe(""));
    }
}
