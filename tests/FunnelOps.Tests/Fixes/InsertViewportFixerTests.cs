using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class InsertViewportFixerTests
{
    private readonly InsertViewportFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void The_viewport_meta_is_inserted_after_the_charset_declaration(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
              <head>
                <meta charset="utf-8">
                <title>Features · Keelboard</title>
              </head>
              <body>
                <h1>Features</h1>
              </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
              <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Features · Keelboard</title>
              </head>
              <body>
                <h1>Features</h1>
              </body>
            </html>
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Without_a_charset_declaration_the_viewport_opens_the_head_one_level_deeper(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <html>
            <head>
            <title>Old page</title>
            </head>
            <body><p>Café menu.</p></body>
            </html>
            """, after: """
            <html>
            <head>
              <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Old page</title>
            </head>
            <body><p>Café menu.</p></body>
            </html>
            """);
    }

    [Fact]
    public void The_viewport_follows_a_self_closing_single_quoted_document_style()
    {
        FixerRun.AssertFixes(_fixer, newline: "\n", bom: false, before: """
            <html>
            <head>
              <meta charset='utf-8'/>
              <link rel='stylesheet' href='/site.css'/>
            </head>
            </html>
            """, after: """
            <html>
            <head>
              <meta charset='utf-8'/>
              <meta name='viewport' content='width=device-width, initial-scale=1' />
              <link rel='stylesheet' href='/site.css'/>
            </head>
            </html>
            """);
    }

    [Fact]
    public void It_declines_when_the_source_already_has_a_viewport()
    {
        var run = FixerRun.Of(_fixer, """
            <html><head><meta charset="utf-8"><meta name="VIEWPORT" content="width=1024"><title>x</title></head></html>
            """);

        Assert.False(run.Result.HasEdits);
        Assert.Equal("The source already has a viewport meta; the live page may be out of date.", run.Result.Summary);
    }
}
