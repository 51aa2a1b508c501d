using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class SetImageAltFixerTests
{
    private readonly SetImageAltFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Each_image_gets_alt_text_from_the_best_source_it_has(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Features</title>
            </head>
            <body>
              <header>
                <a href="/"><img src="/logo.svg" width="120" height="32"> Keelboard</a>
              </header>
              <main>
                <h1>Features</h1>
                <img src="/images/hero-dashboard@2x.png">
                <figure>
                  <img src="/images/IMG_4411.jpg"
                       width="800" height="450">
                  <figcaption>The sprint board with <em>three</em> teams &amp; their owners</figcaption>
                </figure>
                <img src="/images/burndown.png" title="Burn-down chart for one sprint">
                <a href="/pricing/" aria-label="See pricing"><img src="/images/price-tag.svg"></a>
                <img src="/images/divider.png" role="presentation">
                <img src="/images/KeelboardSSOLogin_3f9a1c2b.png">
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Features</title>
            </head>
            <body>
              <header>
                <a href="/"><img src="/logo.svg" width="120" height="32" alt=""> Keelboard</a>
              </header>
              <main>
                <h1>Features</h1>
                <img src="/images/hero-dashboard@2x.png" alt="Hero dashboard">
                <figure>
                  <img src="/images/IMG_4411.jpg"
                       width="800" height="450" alt="The sprint board with three teams &amp; their owners">
                  <figcaption>The sprint board with <em>three</em> teams &amp; their owners</figcaption>
                </figure>
                <img src="/images/burndown.png" title="Burn-down chart for one sprint" alt="Burn-down chart for one sprint">
                <a href="/pricing/" aria-label="See pricing"><img src="/images/price-tag.svg" alt="See pricing"></a>
                <img src="/images/divider.png" role="presentation" alt="">
                <img src="/images/KeelboardSSOLogin_3f9a1c2b.png" alt="Keelboard SSO login">
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_summary_says_where_each_text_came_from_and_the_review_note_calls_it_suggested_copy()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Features</title></head>
            <body><img src='/team-offsite.jpg' /><img src="/spacer.gif" aria-hidden="true"></body>
            </html>
            """);

        Assert.Equal(
            "Adds alt text to 2 images: \"Team offsite\" (from its file name); an empty alt for a decorative image.",
            run.Result.Summary);
        Assert.Contains("<img src='/team-offsite.jpg' alt='Team offsite' />", run.NewText, StringComparison.Ordinal);
        Assert.StartsWith("The alt texts are suggested copy", run.Result.ReviewNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/img/hero-dashboard.png", "Hero dashboard")]
    [InlineData("https://cdn.example.com/a/b/pricing_table-1200x630.webp?v=2", "Pricing table")]
    [InlineData("/img/API%20keys%20screen.png", "API keys screen")]
    [InlineData("/img/IMG_1234.jpg", null)]
    [InlineData("/img/Screenshot 2024-01-15 at 10.32.11.png", null)]
    [InlineData("/img/a1.png", null)]
    [InlineData("", null)]
    public void File_names_read_as_words_unless_they_are_camera_or_screenshot_names(string src, string? expected)
    {
        Assert.Equal(expected, SetImageAltFixer.Readable(src));
    }

    [Fact]
    public void Images_without_a_usable_name_are_left_for_a_person_and_said_so()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Features</title></head>
            <body><img src="/DSC_0042.jpg"><img src="/roadmap.png"></body>
            </html>
            """);

        Assert.Equal(
            "Adds alt text to 1 image: \"Roadmap\" (from its file name). " +
            "Left for a person to describe: /DSC_0042.jpg.",
            run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_no_image_can_be_described()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Features</title></head><body><img src="/IMG_0001.jpg"></body></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal(
            "No description could be suggested for /IMG_0001.jpg: neither their file names nor a heading beside them " +
            "say what the pictures show.",
            run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_every_image_has_alt_text()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Features</title></head><body><img src="/a.png" alt=""></body></html>
            """);

        Assert.Equal(
            "Every image in the source has an alt attribute; the live page may be out of date.", run.Result.Summary);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_camera_named_image_takes_the_heading_just_above_it_in_its_own_block(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <html><head><title>Customers</title></head>
            <body>
              <h1>Customers</h1>
              <section class="card">
                <h3>Lumen Health's planning wall</h3>
                <div class="frame"><img src="/img/IMG_2231.jpg"></div>
              </section>
              <section class="card">
                <img src="/img/IMG_2232.jpg">
              </section>
            </body>
            </html>
            """, after: """
            <html><head><title>Customers</title></head>
            <body>
              <h1>Customers</h1>
              <section class="card">
                <h3>Lumen Health's planning wall</h3>
                <div class="frame"><img src="/img/IMG_2231.jpg" alt="Lumen Health's planning wall"></div>
              </section>
              <section class="card">
                <img src="/img/IMG_2232.jpg">
              </section>
            </body>
            </html>
            """);
    }
}
