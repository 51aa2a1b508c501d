using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class SetLangFixerTests
{
    private readonly SetLangFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void The_playbooks_language_is_added_to_the_html_tag(string newline, bool bom)
    {
        PlannedRun.AssertFixes(_fixer, new PageSetup("html-lang-missing"), newline: newline, bom: bom, before: """
            <!doctype html>
            <html class="no-js">
            <head>
              <meta charset="utf-8">
              <title>Features</title>
            </head>
            <body><h1>Features</h1></body>
            </html>
            """, after: """
            <!doctype html>
            <html class="no-js" lang="en">
            <head>
              <meta charset="utf-8">
              <title>Features</title>
            </head>
            <body><h1>Features</h1></body>
            </html>
            """);
    }

    [Fact]
    public void A_language_given_for_the_site_replaces_the_playbooks_default_and_fills_an_empty_lang()
    {
        PlannedRun.AssertFixes(_fixer,
            new PageSetup("html-lang-missing") { Parameters = new Dictionary<string, string> { ["lang"] = "de-AT" } },
            newline: "\n", bom: false, before: """
            <html lang=''>
            <head><title>Funktionen</title></head>
            <body><h1>Funktionen</h1></body>
            </html>
            """, after: """
            <html lang='de-AT'>
            <head><title>Funktionen</title></head>
            <body><h1>Funktionen</h1></body>
            </html>
            """);
    }

    [Fact]
    public void It_declines_when_the_source_does_not_write_an_html_tag()
    {
        var run = PlannedRun.Of(_fixer, """
            <!doctype html>
            <title>Features</title>
            <h1>Features</h1>
            """, new PageSetup("html-lang-missing"));

        Assert.Null(run.Change);
        Assert.Equal(
            "The source does not write an <html> tag (the browser adds one), so there is no place for the language.",
            run.Reason);
    }

    [Fact]
    public void It_declines_without_a_language_in_the_playbook()
    {
        var run = FixerRun.Of(_fixer, "<html><head><title>Features</title></head></html>");

        Assert.False(run.Result.HasEdits);
        Assert.Equal(
            "The playbook does not say which language the site is in; " +
            "add `with: { lang: en }` (or your language) to its fix.",
            run.Result.Summary);
    }

    [Fact]
    public void It_declines_a_language_that_is_not_a_language_code()
    {
        var setup = new PageSetup("html-lang-missing")
        {
            Parameters = new Dictionary<string, string> { ["lang"] = "en\" onload=\"x" },
        };

        var run = PlannedRun.Of(_fixer, "<html><head><title>Features</title></head></html>", setup);

        Assert.Null(run.Change);
        Assert.Equal(
            "\"en\" onload=\"x\" in the playbook is not a language code such as en, de or en-GB.", run.Reason);
    }

    [Fact]
    public void It_declines_when_the_source_already_declares_a_language()
    {
        var run = PlannedRun.Of(_fixer, "<html lang=\"fr\"><head><title>Features</title></head></html>",
            new PageSetup("html-lang-missing"));

        Assert.Equal(
            "The <html> tag in the source already declares a language; the live page may be out of date.", run.Reason);
    }
}
