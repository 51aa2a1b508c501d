using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class DemoteExtraH1FixerTests
{
    private readonly DemoteExtraH1Fixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Every_h1_after_the_first_becomes_an_h2_with_its_attributes_and_content(string newline, bool bom)
    {
        FixerRun.AssertFixes(_fixer, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head><title>Features</title></head>
            <body>
              <main>
                <h1 class="hero-title">Features</h1>
                <section>
                  <H1 id="boards" class='section'>Boards <small>for every team</small></H1>
                </section>
                <section><h1
                  data-x="1">Roadmaps</h1 ></section>
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head><title>Features</title></head>
            <body>
              <main>
                <h1 class="hero-title">Features</h1>
                <section>
                  <H2 id="boards" class='section'>Boards <small>for every team</small></H2>
                </section>
                <section><h2
                  data-x="1">Roadmaps</h2 ></section>
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_summary_names_the_heading_kept_and_the_review_note_warns_about_styles()
    {
        var run = FixerRun.Of(_fixer, "<head><title>A</title></head><body><h1>Features</h1><h1>Boards</h1></body>");

        Assert.Equal("Keeps \"Features\" as the main heading and turns the other h1 into h2.", run.Result.Summary);
        Assert.Contains("styles h1 and h2 differently", run.Result.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public void It_declines_when_the_source_has_one_h1()
    {
        var run = FixerRun.Of(_fixer, "<head><title>A</title></head><body><h1>Features</h1><h2>Boards</h2></body>");

        Assert.False(run.Result.HasEdits);
        Assert.Equal(
            "The source has at most one h1; the others come from another file, such as a layout.", run.Result.Summary);
    }

    [Fact]
    public void It_declines_when_a_later_h1_is_never_closed()
    {
        var run = FixerRun.Of(_fixer, "<head><title>A</title></head><body><h1>Features</h1><h1>Boards<p>Text</p>");

        Assert.Equal(
            "An h1 in the source has no closing tag, so FunnelOps leaves the headings alone.", run.Result.Summary);
    }
}
