using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class HtmlSourceTests
{
    [Fact]
    public void Elements_the_parser_adds_on_its_own_are_not_reported_as_written()
    {
        var run = FixerRun.Of(new InsertTitleFixer(), """
            <!doctype html>
            <meta name="viewport" content="width=device-width">
            <h1>Features</h1>
            """);

        // No <html>, <head> or <body> is written; the parser's own have no place in the file.
        Assert.Equal("The source has no <head> to add the title to.", run.Result.Summary);
    }

    [Fact]
    public void A_fixer_asking_for_a_head_the_file_leaves_out_declines_instead_of_failing()
    {
        var run = FixerRun.Of(new InsertViewportFixer(), "<title>Features</title><h1>Features</h1>");

        Assert.Equal("The source has no <head> to add the viewport to.", run.Result.Summary);
    }
}
