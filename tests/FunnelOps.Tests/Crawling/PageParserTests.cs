using System.Text;
using FunnelOps.Crawling;

namespace FunnelOps.Tests.Crawling;

public sealed class PageParserTests
{
    private static readonly Uri PageUrl = new("http://127.0.0.1:4000/product/features/");

    private const string FeaturesPage = """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>
            Features   |  Keelboard
          </title>
          <meta name="Description" content="Plan sprints and ship on time.">
          <meta name="robots" content="noindex, follow">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <link rel="canonical" href="../features/">
          <script src="/js/blocking.js"></script>
          <script src="/js/async.js" async></script>
          <script src="/js/deferred.js" defer></script>
          <script type="module" src="/js/module.js"></script>
          <script>window.inline = true;</script>
          <style>.hero { color: red; }</style>
        </head>
        <body>
          <main>
            <h1>Features</h1>
            <p>Plan sprints in minutes.</p>
            <script>var hidden = "these words are not counted at all";</script>
            <style>.not { counted: yes; }</style>
            <h1>Second heading</h1>
            <a href="/pricing/#plans">See   pricing</a>
            <a href="mailto:sales@example.com">Email sales</a>
            <a href="https://partner.example.com/" rel="nofollow sponsored">Partner</a>
            <img src="/hero.png" alt="Dashboard" width="800" height="600" loading="lazy">
            <img src="/divider.png" alt="">
            <img src="/chart.png">
          </main>
        </body>
        </html>
        """;

    private static HtmlSummary Parse(string html, params string[] probes) =>
        new PageParser(probes).Parse(PageUrl, Encoding.UTF8.GetBytes(html), "utf-8");

    [Fact]
    public void The_title_is_trimmed_and_its_white_space_collapsed()
    {
        Assert.Equal("Features | Keelboard", Parse(FeaturesPage).Title);
    }

    [Fact]
    public void Meta_description_robots_and_viewport_are_read_whatever_the_case_of_their_name()
    {
        var html = Parse(FeaturesPage);

        Assert.Equal("Plan sprints and ship on time.", html.MetaDescription);
        Assert.Equal("noindex, follow", html.RobotsMeta);
        Assert.Equal("width=device-width, initial-scale=1", html.Viewport);
    }

    [Fact]
    public void Missing_meta_tags_are_null()
    {
        var html = Parse("<!doctype html><title>Bare</title><p>Hi</p>");

        Assert.Null(html.MetaDescription);
        Assert.Null(html.RobotsMeta);
        Assert.Null(html.Viewport);
        Assert.Null(html.Canonical);
        Assert.Null(html.Lang);
    }

    [Fact]
    public void The_canonical_URL_is_resolved_against_the_page()
    {
        Assert.Equal(new Uri("http://127.0.0.1:4000/product/features/"), Parse(FeaturesPage).Canonical);
    }

    [Fact]
    public void The_language_is_read_from_the_root_element()
    {
        Assert.Equal("en-GB", Parse(FeaturesPage).Lang);
    }

    [Fact]
    public void Every_h1_is_read_in_document_order()
    {
        Assert.Equal(["Features", "Second heading"], Parse(FeaturesPage).H1);
    }

    [Fact]
    public void Words_in_scripts_and_styles_are_not_counted()
    {
        var html = Parse("""
            <!doctype html>
            <html><head><title>Count</title></head>
            <body>
              <p>One two three.</p>
              <script>var four = "five six seven eight";</script>
              <style>p { nine: ten; }</style>
              <noscript>eleven twelve</noscript>
              <p>Four <b>five</b></p>
            </body>
            </html>
            """);

        Assert.Equal(5, html.WordCount);
    }

    [Fact]
    public void Links_are_resolved_and_keep_their_text_and_rel()
    {
        var links = Parse(FeaturesPage).Links;

        Assert.Equal(3, links.Count);
        Assert.Equal(new LinkRef("/pricing/#plans", new Uri("http://127.0.0.1:4000/pricing/"), "See pricing", null), links[0]);
        Assert.Equal(new LinkRef("mailto:sales@example.com", null, "Email sales", null), links[1]);
        Assert.Equal("nofollow sponsored", links[2].Rel);
        Assert.Equal(new Uri("https://partner.example.com/"), links[2].Target);
    }

    [Fact]
    public void An_image_without_alt_has_null_alt_and_a_decorative_image_has_empty_alt()
    {
        var images = Parse(FeaturesPage).Images;

        Assert.Equal(
            [
                new ImageRef("/hero.png", "Dashboard", "800", "600", "lazy"),
                new ImageRef("/divider.png", "", null, null, null),
                new ImageRef("/chart.png", null, null, null, null),
            ],
            images);
    }

    [Fact]
    public void Head_scripts_record_async_defer_and_type_and_only_plain_external_scripts_block_rendering()
    {
        var scripts = Parse(FeaturesPage).HeadScripts;

        Assert.Equal(
            [
                new ScriptRef("/js/blocking.js", false, false, null),
                new ScriptRef("/js/async.js", true, false, null),
                new ScriptRef("/js/deferred.js", false, true, null),
                new ScriptRef("/js/module.js", false, false, "module"),
                new ScriptRef(null, false, false, null),
            ],
            scripts);
        Assert.Equal(["/js/blocking.js"], scripts.Where(s => s.IsRenderBlocking).Select(s => s.Src));
    }

    [Fact]
    public void Forms_separate_visible_fields_from_hidden_inputs_and_ignore_buttons()
    {
        var html = Parse("""
            <!doctype html>
            <html><head><title>Get the report</title></head>
            <body>
              <form action="/thanks/" method="post">
                <input type="hidden" name="asset" value="/files/comparison.pdf">
                <input type="hidden" name="campaign" value="q3">
                <input name="email" type="email">
                <input name="first_name">
                <select name="company_size"><option>1-10</option></select>
                <textarea name="notes"></textarea>
                <input type="checkbox" name="consent">
                <input type="submit" value="Send">
                <button type="submit">Send</button>
                <input type="image" src="/go.png" name="go">
                <input type="reset" name="reset">
              </form>
              <form><input name="q"></form>
            </body>
            </html>
            """);

        Assert.Equal(2, html.Forms.Count);
        var gate = html.Forms[0];
        Assert.Equal(new Uri("http://127.0.0.1:4000/thanks/"), gate.Action);
        Assert.Equal(["email", "first_name", "company_size", "notes", "consent"], gate.VisibleFields);
        Assert.Equal(
            [
                new KeyValuePair<string, string>("asset", "/files/comparison.pdf"),
                new KeyValuePair<string, string>("campaign", "q3"),
            ],
            gate.HiddenInputs);
        Assert.Equal(PageUrl, html.Forms[1].Action);
        Assert.Equal(["q"], html.Forms[1].VisibleFields);
    }

    [Fact]
    public void Probes_count_the_matches_of_each_selector_and_keep_the_first_start_tag()
    {
        var html = Parse(FeaturesPage, "img:not([alt])", "head script[src]:not([async]):not([defer])", "form");

        Assert.Equal(new SelectorProbe(1, """<img src="/chart.png">"""), html.Probes["img:not([alt])"]);
        Assert.Equal(2, html.Probes["head script[src]:not([async]):not([defer])"].Count);
        // Selectors without a match are not kept: an absent probe reads as zero matches.
        Assert.False(html.Probes.ContainsKey("form"));
    }

    [Fact]
    public void The_excerpt_is_taken_from_the_paragraphs_of_the_main_content()
    {
        var html = Parse("""
            <!doctype html>
            <html><head><title>Excerpt</title></head>
            <body>
              <nav><p>Menu text</p></nav>
              <main><p>First   paragraph.</p><p></p><p>Second paragraph.</p></main>
            </body>
            </html>
            """);

        Assert.Equal("First paragraph.\nSecond paragraph.", html.Excerpt);
    }

    [Fact]
    public void The_charset_the_server_names_decodes_the_body()
    {
        var body = Encoding.Latin1.GetBytes("<!doctype html><html><head><title>Café crème</title></head><body></body></html>");

        var html = new PageParser([]).Parse(PageUrl, body, "iso-8859-1");

        Assert.Equal("Café crème", html.Title);
    }

    [Fact]
    public void Without_a_charset_header_the_meta_charset_decodes_the_body()
    {
        var body = Encoding.Latin1.GetBytes(
            "<!doctype html><html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body></body></html>");

        var html = new PageParser([]).Parse(PageUrl, body, null);

        Assert.Equal("Café", html.Title);
    }

    [Fact]
    public void Malformed_HTML_still_yields_a_summary()
    {
        var html = Parse("""
            <html><head><title>Broken page</title><meta name=description content=Unquoted>
            <body><h1>Half <b>bold</h1><p>Text <a href=/next/>next</a><div></span></table>
            <img src=x.png alt>
            """);

        Assert.Equal("Broken page", html.Title);
        Assert.Equal("Unquoted", html.MetaDescription);
        Assert.Equal(["Half bold"], html.H1);
        Assert.Equal(new Uri("http://127.0.0.1:4000/next/"), Assert.Single(html.Links).Target);
        Assert.Equal("", Assert.Single(html.Images).Alt);
    }
}
