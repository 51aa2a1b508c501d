using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class InsertCanonicalFixerTests
{
    private readonly InsertCanonicalFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_canonical_link_to_the_pages_path_goes_on_its_own_line_after_the_description(string newline, bool bom)
    {
        PlannedRun.AssertFixes(_fixer, new PageSetup("canonical-missing") { UrlPath = "/features/boards/" },
            newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Boards — Keelboard</title>
              <meta name="description" content="Boards that show every sprint, owner and deadline at a glance.">
              <link rel="stylesheet" href="/site.css">
            </head>
            <body>
              <main>
                <h1>Boards</h1>
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Boards — Keelboard</title>
              <meta name="description" content="Boards that show every sprint, owner and deadline at a glance.">
              <link rel="canonical" href="/features/boards/">
              <link rel="stylesheet" href="/site.css">
            </head>
            <body>
              <main>
                <h1>Boards</h1>
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void Without_a_description_the_link_follows_the_title_in_the_documents_quotes_and_void_tag_style()
    {
        var setup = new PageSetup("canonical-missing") { UrlPath = "/pricing", FilePath = "pricing.html" };

        PlannedRun.AssertFixes(_fixer, setup, newline: "\n", bom: false, before: """
            <html>
            <head>
            	<meta charset='utf-8' />
            	<title>Pricing</title>
            	<link rel='icon' href='/favicon.ico' />
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """, after: """
            <html>
            <head>
            	<meta charset='utf-8' />
            	<title>Pricing</title>
            	<link rel='canonical' href='/pricing' />
            	<link rel='icon' href='/favicon.ico' />
            </head>
            <body><h1>Pricing</h1></body>
            </html>
            """);
    }

    [Fact]
    public void The_review_note_offers_the_full_address_as_an_alternative()
    {
        var run = PlannedRun.Of(_fixer, "<html><head><title>Boards</title></head><body></body></html>",
            new PageSetup("canonical-missing") { UrlPath = "/features/boards/" });

        Assert.Equal(
            "Adds a canonical link naming /features/boards/ as the page's own address, " +
            "so links with tracking parameters count as this page.",
            run.Change!.Summary);
        Assert.Contains("https://www.example.com/features/boards/", run.Change.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public void It_declines_when_the_source_already_has_a_canonical_link()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><title>Home</title><link rel="Canonical" href="/"></head><body></body></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The source already has a canonical link; the live page may be out of date.", run.Result.Summary);
    }
}
