using System.Text;
using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class UngateAssetFixerTests
{
    private static readonly PageSetup Guide = new("gated-comparison-asset")
    {
        UrlPath = "/resources/guide/",
        Files = [("files/keelboard-vs-jira.pdf", Encoding.ASCII.GetBytes("%PDF-1.7"))],
        Evidence = ["A form asks for 6 fields to get /files/keelboard-vs-jira.pdf (limit 4): name, email, company."],
    };

    private readonly UngateAssetFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_direct_link_goes_right_before_the_form_which_stops_handing_out_the_file(string newline, bool bom)
    {
        PlannedRun.AssertFixes(_fixer, Guide, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Keelboard vs Jira</title>
            </head>
            <body>
              <main>
                <h1>Keelboard vs Jira</h1>
                <form action="/thanks/" method="post" class="gate">
                  <input type="hidden" name="asset" value="/files/keelboard-vs-jira.pdf">
                  <input type="hidden" name="campaign" value="q3-launch">
                  <input name="name"><input name="email" type="email"><input name="company">
                  <input name="role"><input name="size"><input name="phone" type="tel">
                  <button>Get the comparison</button>
                </form>
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Keelboard vs Jira</title>
            </head>
            <body>
              <main>
                <h1>Keelboard vs Jira</h1>
                <p><a href="/files/keelboard-vs-jira.pdf">Download the guide directly</a></p>
                <form action="/thanks/" method="post" class="gate">
                  <input type="hidden" name="campaign" value="q3-launch">
                  <input name="name"><input name="email" type="email"><input name="company">
                  <input name="role"><input name="size"><input name="phone" type="tel">
                  <button>Get the comparison</button>
                </form>
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_link_follows_the_forms_quotes_takes_its_text_from_the_playbook_and_may_point_at_another_site()
    {
        var setup = Guide with
        {
            Parameters = new Dictionary<string, string> { ["text"] = "Read the comparison now <no form>" },
            Evidence = ["A form asks for 6 fields."],
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: "\n", bom: false, before: """
            <html><head><title>Keelboard vs Jira</title></head>
            <body>
              <h1>Keelboard vs Jira</h1><form action='https://forms.example.com/submit'>
                <input type='hidden' name='pdf' value='https://cdn.example.com/roi-report.pdf?utm=x&amp;v=2'>
                <input name='email'>
              </form>
            </body>
            </html>
            """, after: """
            <html><head><title>Keelboard vs Jira</title></head>
            <body>
              <h1>Keelboard vs Jira</h1><p><a href='https://cdn.example.com/roi-report.pdf?utm=x&amp;v=2'>Read the comparison now &lt;no form&gt;</a></p><form action='https://forms.example.com/submit'>
                <input name='email'>
              </form>
            </body>
            </html>
            """);
    }

    [Fact]
    public void The_review_note_explains_that_the_form_stays_without_the_file()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Guide</title></head>
            <body><form action="/thanks/">
              <input type="hidden" name="asset" value="/files/keelboard-vs-jira.pdf"><input name="a"><input name="b">
            </form></body>
            </html>
            """, Guide);

        Assert.Equal(
            "Links /files/keelboard-vs-jira.pdf directly, right before the form, so buyers can read it " +
            "without filling in 2 fields; the form stays as an optional way to get in touch.",
            run.Change!.Summary);
        Assert.Equal(
            "Buyers comparing options now get the file without a form. " +
            "The form stays for those who want to talk, but it no longer hands out the file, " +
            "so FunnelOps removed its hidden field \"asset\" naming it. " +
            "If your form tool uses that field to e-mail the file or to tag leads, " +
            "change it there. Check that the link text reads well next to the form.",
            run.Change.ReviewNote);
    }

    [Fact]
    public void It_declines_when_the_file_is_not_in_the_repository()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Guide</title></head>
            <body><form action="/thanks/">
              <input type="hidden" name="asset" value="/files/missing.pdf"><input name="a">
            </form></body>
            </html>
            """, Guide);

        Assert.Null(run.Change);
        Assert.Equal(
            "The file /files/missing.pdf is not in the repository, so a direct link might lead nowhere; " +
            "link it by hand once it is published.",
            run.Reason);
    }

    [Fact]
    public void It_declines_when_the_form_names_no_file_it_could_link()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Guide</title></head>
            <body><form action="/thanks/">
              <input type="hidden" name="campaign" value="roi-report"><input name="a">
            </form></body>
            </html>
            """, Guide);

        Assert.Equal(
            "No form in the source hands out a file through a hidden field (such as a PDF), " +
            "so there is no file to link directly.",
            run.Reason);
    }

    [Fact]
    public void It_declines_when_the_forms_own_address_names_the_download()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Guide</title></head>
            <body><form>
              <input type="hidden" name="asset" value="/files/keelboard-vs-jira.pdf"><input name="a">
            </form></body>
            </html>
            """, Guide with { UrlPath = "/resources/comparison/" });

        Assert.Equal(
            "The form sends its answers to /resources/comparison/, an address containing \"comparison\", " +
            "so it would still count as the gate after the edit; link the file by hand.",
            run.Reason);
    }
}
