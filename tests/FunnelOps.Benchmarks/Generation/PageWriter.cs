using System.Net;
using System.Text;

namespace FunnelOps.Benchmarks.Generation;

/// <summary>
/// Writes one page the way a marketing site's templates would: a head with the usual tags, a
/// header with the main navigation, a lead block per template, prose to the page's size with
/// links inside it, the page's children, related pages, a call to action and a large footer.
/// </summary>
internal sealed class PageWriter
{
    public const int MinLinks = 30;
    public const int MaxLinks = 80;

    private const int MinChars = 21_000;
    private const int MaxChars = 57_000;

    private static readonly (string Path, string Text)[] MainNavigation =
    [
        ("/product/", "Product"), ("/features/", "Features"), ("/solutions/", "Solutions"),
        ("/integrations/", "Integrations"), ("/pricing/", "Pricing"), ("/customers/", "Customers"),
        ("/resources/", "Resources"), ("/blog/", "Blog"), ("/docs/", "Docs"), ("/about/", "Company"),
        ("/contact/", "Contact"),
    ];

    private static readonly (string Heading, (string Path, string Text)[] Links)[] FooterColumns =
    [
        ("Product", [("/product/", "Platform overview"), ("/features/", "All features"),
            ("/integrations/", "Integrations"), ("/pricing/", "Pricing"), ("/security/", "Security")]),
        ("Solutions", [("/solutions/", "By industry"), ("/compare/", "Compare"), ("/customers/", "Customers")]),
        ("Resources", [("/blog/", "Blog"), ("/resources/", "Guides and reports"), ("/webinars/", "Webinars"),
            ("/glossary/", "Glossary"), ("/docs/", "Documentation")]),
        ("Company", [("/about/", "About"), ("/careers/", "Careers"), ("/press/", "Press"),
            ("/partners/", "Partners"), ("/contact/", "Contact")]),
        ("Legal", [("/legal/privacy/", "Privacy"), ("/legal/terms/", "Terms")]),
    ];

    private static readonly string[] Social = ["linkedin", "x", "youtube", "github"];

    private static readonly string[] Countries =
    [
        "United States", "Canada", "United Kingdom", "Germany", "France", "Netherlands", "Sweden", "Spain",
        "Italy", "Poland", "India", "Singapore", "Japan", "Australia", "Brazil", "Mexico", "South Africa",
        "United Arab Emirates", "Ireland", "Other",
    ];

    private readonly SitePlan _plan;
    private readonly PlannedPage _page;
    private readonly Prose _prose;
    private readonly List<int> _targets = [];
    private readonly Queue<int> _inline = new();
    private int _sections;
    private int _formIds;

    public PageWriter(SitePlan plan, PlannedPage page, int seed)
    {
        _plan = plan;
        _page = page;
        _prose = new Prose(unchecked((seed * 1_000_003) + (page.Index * 7919)));
    }

    public RenderedPage Render()
    {
        var size = _prose.Next(MinChars, MaxChars);
        var description = _prose.Description(_page.Title);

        // Everything but the prose and the related links first, so both can be sized to fit.
        var top = new StringBuilder(size + 8192);
        WriteHead(top, description);
        WriteHeader(top);
        WriteBreadcrumbs(top);
        WriteLead(top, description);
        var bottom = new StringBuilder(16_384);
        WriteChildren(bottom);
        WriteCallToAction(bottom);
        WriteFooter(bottom);

        // Related pages make up the link count: most inside the prose, the rest in a list.
        var related = ChooseRelated(_prose.Next(MinLinks, MaxLinks + 1) - _targets.Count);
        var inline = related.Count * 3 / 5;
        foreach (var index in related.Take(inline))
        {
            _inline.Enqueue(index);
        }

        var body = new StringBuilder(size);
        while (top.Length + body.Length + bottom.Length + (related.Count * 90) < size)
        {
            WriteBlock(body);
        }

        top.Append(body);
        WriteRelated(top, [.. _inline, .. related.Skip(inline)]);
        top.Append("</main>\n").Append(bottom).Append("</body>\n</html>\n");
        return new RenderedPage(top.ToString(), _targets);
    }

    private void WriteHead(StringBuilder html, string description)
    {
        var title = Escape(_page.Title);
        var canonical = Lexicon.ProductionOrigin + _page.Path;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append(" | ").Append(Lexicon.Brand).Append("</title>\n");
        if (!_prose.Chance(0.03))
        {
            html.Append("<meta name=\"description\" content=\"").Append(Escape(description)).Append("\">\n");
        }

        html.Append("<link rel=\"canonical\" href=\"").Append(canonical).Append("\">\n")
            .Append("<meta property=\"og:type\" content=\"")
            .Append(_page.Kind == PageKind.Article ? "article" : "website").Append("\">\n")
            .Append("<meta property=\"og:title\" content=\"").Append(title).Append("\">\n")
            .Append("<meta property=\"og:description\" content=\"").Append(Escape(description)).Append("\">\n")
            .Append("<meta property=\"og:url\" content=\"").Append(canonical).Append("\">\n")
            .Append("<meta property=\"og:image\" content=\"").Append(Lexicon.ProductionOrigin)
            .Append("/assets/img/og/default.png\">\n")
            .Append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
            .Append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"preload\" href=\"/assets/fonts/inter-var.woff2\" as=\"font\" type=\"font/woff2\" crossorigin>\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/css/site.4f2a9c.css\">\n")
            .Append("<style>:root{--brand:#4f46e5;--ink:#0f172a;--muted:#64748b}body{margin:0;font-family:Inter,system-ui,")
            .Append("sans-serif;color:var(--ink)}.site-header{position:sticky;top:0;z-index:50;background:#fff;")
            .Append("border-bottom:1px solid #e2e8f0}.container{max-width:1200px;margin:0 auto;padding:0 24px}")
            .Append(".btn{display:inline-flex;align-items:center;border-radius:8px;padding:10px 16px;font-weight:600}")
            .Append(".btn-primary{background:var(--brand);color:#fff}.sr-only{position:absolute;width:1px;height:1px;")
            .Append("overflow:hidden;clip:rect(0,0,0,0)}</style>\n")
            .Append("<script src=\"/assets/js/consent.7d1e.js\" defer></script>\n")
            .Append("<script src=\"/assets/js/app.4f2a9c.js\" defer></script>\n")
            .Append("<script async src=\"/assets/js/analytics.js\"></script>\n");
        if (_prose.Chance(0.05))
        {
            // A blocking third-party widget, as marketing sites tend to collect.
            html.Append("<script src=\"/assets/js/chat-widget.js\"></script>\n");
        }

        WriteStructuredData(html, title, canonical);
        html.Append("</head>\n");
    }

    private void WriteStructuredData(StringBuilder html, string title, string canonical)
    {
        html.Append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[")
            .Append("{\"@type\":\"Organization\",\"name\":\"").Append(Lexicon.Brand).Append("\",\"url\":\"")
            .Append(Lexicon.ProductionOrigin).Append("/\",\"logo\":\"").Append(Lexicon.ProductionOrigin)
            .Append("/assets/img/logo.svg\",\"sameAs\":[\"https://www.linkedin.example/company/acmepipeline\"]}");
        if (_page.Kind is PageKind.Article or PageKind.Report)
        {
            html.Append(",{\"@type\":\"Article\",\"headline\":\"").Append(title).Append("\",\"author\":{\"@type\":")
                .Append("\"Person\",\"name\":\"").Append(_prose.Person()).Append("\"},\"datePublished\":\"2025-")
                .Append(_prose.Next(10, 13)).Append('-').Append(_prose.Next(10, 29)).Append("\",\"mainEntityOfPage\":\"")
                .Append(canonical).Append("\"}");
        }

        if (_page.Parent >= 0)
        {
            html.Append(",{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,")
                .Append("\"name\":\"Home\",\"item\":\"").Append(Lexicon.ProductionOrigin).Append("/\"},{\"@type\":")
                .Append("\"ListItem\",\"position\":2,\"name\":\"").Append(title).Append("\"}]}");
        }

        html.Append("]}</script>\n");
    }

    private void WriteHeader(StringBuilder html)
    {
        html.Append("<body class=\"page page--").Append(_page.Kind.ToString().ToLowerInvariant()).Append("\">\n")
            .Append("<a class=\"skip-link sr-only\" href=\"#main\">Skip to content</a>\n")
            .Append("<div class=\"announcement-bar\"><div class=\"container\"><p>New: the 2026 pipeline benchmark ")
            .Append("is out. ");
        Link(html, "/resources/", "Get the report", "announcement-link");
        html.Append("</p></div></div>\n<header class=\"site-header\" role=\"banner\">\n")
            .Append("<div class=\"container flex items-center justify-between h-16\">\n");
        Link(html, "/", "<svg width=\"140\" height=\"28\" viewBox=\"0 0 140 28\" aria-hidden=\"true\"><path d=\"M4 24L14 4" +
            "l10 20H4z\" fill=\"#4f46e5\"/><text x=\"32\" y=\"20\" font-size=\"16\">Acme Pipeline</text></svg>" +
            "<span class=\"sr-only\">Acme Pipeline home</span>", "logo");
        html.Append("\n<nav class=\"main-nav\" aria-label=\"Main\"><ul class=\"nav-list flex gap-6\">\n");
        foreach (var (path, text) in MainNavigation)
        {
            html.Append("<li class=\"nav-item\">");
            Link(html, path, text, "nav-link text-sm font-medium");
            html.Append(Icon(3)).Append("</li>\n");
        }

        html.Append("</ul></nav>\n<div class=\"header-actions flex items-center gap-3\">")
            .Append("<a class=\"btn btn-ghost\" href=\"https://app.acmepipeline.example/login\">Log in</a>");
        Link(html, "/demo/", "Book a demo", "btn btn-primary");
        html.Append("</div>\n<button class=\"nav-toggle\" type=\"button\" aria-expanded=\"false\" ")
            .Append("aria-controls=\"mobile-nav\"><span class=\"sr-only\">Open menu</span>").Append(Icon(1))
            .Append("</button>\n</div>\n</header>\n<main id=\"main\" class=\"site-main\">\n");
    }

    private void WriteBreadcrumbs(StringBuilder html)
    {
        if (_page.Parent < 0)
        {
            return;
        }

        html.Append("<nav class=\"breadcrumbs container\" aria-label=\"Breadcrumb\"><ol>");
        html.Append("<li>");
        Link(html, 0, "Home");
        html.Append("</li>");
        foreach (var ancestor in new[] { _page.Hub, _page.Parent }.Where(i => i > 0).Distinct())
        {
            html.Append("<li>");
            Link(html, ancestor, _plan.Pages[ancestor].Title);
            html.Append("</li>");
        }

        html.Append("<li aria-current=\"page\">").Append(Escape(_page.Title)).Append("</li></ol></nav>\n");
    }

    private void WriteLead(StringBuilder html, string description)
    {
        var article = _page.Kind is PageKind.Article or PageKind.Report or PageKind.Webinar or PageKind.Glossary;
        html.Append("<section class=\"hero ").Append(article ? "hero--article" : "hero--landing")
            .Append("\"><div class=\"container grid md:grid-cols-2 gap-12 items-center\"><div>\n");
        if (!article)
        {
            html.Append("<p class=\"eyebrow text-sm uppercase tracking-wide\">").Append(_page.Section).Append("</p>\n");
        }

        html.Append("<h1 class=\"text-4xl md:text-5xl font-bold\">").Append(Escape(_page.Title)).Append("</h1>\n")
            .Append("<p class=\"lead text-lg text-muted\">").Append(Escape(description)).Append("</p>\n");
        if (article)
        {
            var author = _prose.Person();
            html.Append("<div class=\"byline flex items-center gap-3\">");
            Image(html, $"/assets/img/people/person-{_prose.Next(1, 17):D2}.svg", author, 48, 48, lazy: false);
            html.Append("<span class=\"author\">").Append(author).Append(", ").Append(_prose.Pick(Lexicon.JobTitles))
                .Append("</span><time datetime=\"2025-11-0").Append(_prose.Next(1, 10)).Append("\">November ")
                .Append(_prose.Next(1, 10)).Append(", 2025</time><span>").Append(_prose.Next(4, 19))
                .Append(" min read</span></div>\n");
        }
        else
        {
            html.Append("<div class=\"hero-actions flex gap-4\">");
            Link(html, "/demo/", "Book a demo", "btn btn-primary btn-lg");
            html.Append("</div>\n");
        }

        html.Append("</div>\n<figure class=\"hero-media\">");
        Image(html, $"/assets/img/photo-{_prose.Next(1, 49):D2}.svg", _page.Title, 1200, 630, lazy: false);
        html.Append("</figure>\n</div></section>\n");

        if (_page.Kind == PageKind.Home)
        {
            WriteLogoStrip(html);
        }

        if (_page.Kind is PageKind.Form or PageKind.Report or PageKind.Webinar or PageKind.Home)
        {
            WriteForm(html, _page.Kind == PageKind.Form ? "demo" : "gated");
        }
    }

    private void WriteLogoStrip(StringBuilder html)
    {
        html.Append("<section class=\"logo-strip container\"><p>Trusted by 2,000+ revenue teams</p><ul class=\"flex\">");
        for (var i = 1; i <= 8; i++)
        {
            html.Append("<li>");
            Image(html, $"/assets/img/logos/logo-{i:D2}.svg", _prose.CompanyName(), 120, 40, lazy: false);
            html.Append("</li>");
        }

        html.Append("</ul></section>\n");
    }

    private void WriteBlock(StringBuilder html)
    {
        var roll = _prose.Next(0, 100);
        if (roll < 50 || _sections == 0)
        {
            WriteSection(html);
        }
        else if (roll < 62)
        {
            WriteChecklist(html);
        }
        else if (roll < 72)
        {
            html.Append("<figure class=\"content-image\">");
            Image(html, $"/assets/img/photo-{_prose.Next(1, 49):D2}.svg", _prose.Sentence(), 960, 540, lazy: true);
            html.Append("<figcaption>").Append(_prose.Sentence()).Append("</figcaption></figure>\n");
        }
        else if (roll < 80)
        {
            WriteTestimonial(html);
        }
        else if (roll < 86)
        {
            WriteTable(html);
        }
        else if (roll < 93)
        {
            WriteFaq(html);
        }
        else if (_page.Kind == PageKind.Doc)
        {
            WriteCode(html);
        }
        else if (_page.Kind == PageKind.Article && _prose.Chance(0.4) && _formIds == 0)
        {
            WriteForm(html, "newsletter");
        }
        else
        {
            WriteStats(html);
        }
    }

    private void WriteSection(StringBuilder html)
    {
        _sections++;
        html.Append("<section id=\"section-").Append(_sections).Append("\" class=\"content-section container prose\">\n")
            .Append("<h2>").Append(Prose.Capitalized(_prose.Pick(Lexicon.Verbs))).Append(' ')
            .Append(_prose.Pick(Lexicon.Objects)).Append(' ').Append(_prose.Pick(Lexicon.Qualifiers)).Append("</h2>\n");
        var paragraphs = _prose.Next(2, 5);
        for (var p = 0; p < paragraphs; p++)
        {
            html.Append("<p>");
            _prose.Paragraph(html, _prose.Next(3, 7));
            if (_inline.Count > 0 && _prose.Chance(0.7))
            {
                var target = _inline.Dequeue();
                html.Append(" Read more in ");
                Link(html, target, _plan.Pages[target].Title);
                html.Append('.');
            }
            else if (_prose.Chance(0.12))
            {
                html.Append(" Analysts at <a href=\"https://www.gartner.example/en/marketing/research\" ")
                    .Append("rel=\"noopener\" target=\"_blank\">Gartner</a> report the same trend.");
            }

            html.Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private void WriteChecklist(StringBuilder html)
    {
        html.Append("<div class=\"container prose\"><h3>").Append(_prose.Next(3, 8)).Append(" things to check first</h3>")
            .Append("<ul class=\"checklist\">\n");
        var items = _prose.Next(3, 7);
        for (var i = 0; i < items; i++)
        {
            html.Append("<li class=\"flex gap-2\">").Append(Icon(3)).Append("<span>").Append(_prose.Sentence())
                .Append("</span></li>\n");
        }

        html.Append("</ul></div>\n");
    }

    private void WriteTestimonial(StringBuilder html)
    {
        var person = _prose.Person();
        html.Append("<blockquote class=\"testimonial container\"><p>\u201c").Append(_prose.Sentence()).Append(' ')
            .Append(_prose.Sentence()).Append("\u201d</p><footer class=\"flex items-center gap-3\">");
        Image(html, $"/assets/img/people/person-{_prose.Next(1, 17):D2}.svg", person, 56, 56, lazy: true);
        html.Append("<cite>").Append(person).Append(", ").Append(_prose.Pick(Lexicon.JobTitles)).Append(" at ")
            .Append(_prose.CompanyName()).Append("</cite></footer></blockquote>\n");
    }

    private void WriteTable(StringBuilder html)
    {
        html.Append("<div class=\"table-wrapper container\"><table class=\"comparison\"><thead><tr><th scope=\"col\">")
            .Append("Capability</th><th scope=\"col\">").Append(Lexicon.Brand).Append("</th><th scope=\"col\">")
            .Append(_prose.ProductName()).Append("</th></tr></thead><tbody>\n");
        var rows = _prose.Next(5, 9);
        for (var r = 0; r < rows; r++)
        {
            html.Append("<tr><th scope=\"row\">").Append(_prose.Pick(Lexicon.FeatureAdjectives)).Append(' ')
                .Append(_prose.Pick(Lexicon.FeatureNouns)).Append("</th><td>").Append(Icon(3))
                .Append("<span class=\"sr-only\">Included</span></td><td>")
                .Append(_prose.Chance(0.5) ? "Add-on" : "Not available").Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private void WriteFaq(StringBuilder html)
    {
        html.Append("<section class=\"faq container\"><h2>Frequently asked questions</h2>\n");
        for (var i = 0; i < 3; i++)
        {
            html.Append("<details class=\"faq-item\"><summary>Can we ").Append(_prose.Pick(Lexicon.Verbs)).Append(' ')
                .Append(_prose.Pick(Lexicon.Objects)).Append(' ').Append(_prose.Pick(Lexicon.Qualifiers))
                .Append("?</summary><p>");
            _prose.Paragraph(html, 2);
            html.Append("</p></details>\n");
        }

        html.Append("</section>\n");
    }

    private void WriteCode(StringBuilder html)
    {
        html.Append("<pre class=\"code-block\"><code class=\"language-json\">{\n  \"rule\": \"")
            .Append(Prose.Slug(_prose.Pick(Lexicon.FeatureNouns))).Append("\",\n  \"match\": { \"segment\": \"")
            .Append(_prose.Pick(Lexicon.Industries)).Append("\", \"minScore\": ").Append(_prose.Next(20, 90))
            .Append(" },\n  \"assignTo\": \"").Append(_prose.Pick(Lexicon.Roles)).Append("\"\n}</code></pre>\n");
    }

    private void WriteStats(StringBuilder html)
    {
        html.Append("<div class=\"stats-grid container grid grid-cols-3 gap-6\">");
        for (var i = 0; i < 3; i++)
        {
            html.Append("<div class=\"stat\"><p class=\"stat-value\">").Append(_prose.Next(12, 340))
                .Append("%</p><p class=\"stat-label\">more ").Append(_prose.Pick(Lexicon.Objects)).Append("</p></div>");
        }

        html.Append("</div>\n");
    }

    private void WriteForm(StringBuilder html, string kind)
    {
        var id = $"{kind}-{++_formIds}";
        var action = _plan.Find("/thank-you/") >= 0 ? "/thank-you/" : "/";
        html.Append("<section class=\"form-panel container\"><h2>")
            .Append(kind == "newsletter" ? "Get the weekly pipeline memo" : "Talk to our team").Append("</h2>\n")
            .Append("<form class=\"form grid gap-4\" action=\"").Append(action).Append("\" method=\"post\" data-form=\"")
            .Append(kind).Append("\">\n");
        foreach (var hidden in new[] { "utm_source", "utm_medium", "utm_campaign", "form_id" })
        {
            html.Append("<input type=\"hidden\" name=\"").Append(hidden).Append("\" value=\"")
                .Append(hidden == "form_id" ? id : "").Append("\">\n");
        }

        Field(html, id, "email", "Work email", "email");
        if (kind != "newsletter")
        {
            Field(html, id, "first_name", "First name", "text");
            Field(html, id, "last_name", "Last name", "text");
            Field(html, id, "company", "Company", "text");
            Field(html, id, "job_title", "Job title", "text");
            html.Append("<div class=\"field\"><label for=\"").Append(id).Append("-country\">Country</label><select id=\"")
                .Append(id).Append("-country\" name=\"country\">");
            foreach (var country in Countries)
            {
                html.Append("<option>").Append(country).Append("</option>");
            }

            html.Append("</select></div>\n<div class=\"field\"><label for=\"").Append(id).Append("-message\">")
                .Append("What would you like to see?</label><textarea id=\"").Append(id)
                .Append("-message\" name=\"message\" rows=\"4\"></textarea></div>\n");
        }

        html.Append("<label class=\"consent\"><input type=\"checkbox\" name=\"consent\" required> I agree to the ")
            .Append("privacy policy.</label>\n<button type=\"submit\" class=\"btn btn-primary\">")
            .Append(kind == "newsletter" ? "Subscribe" : "Submit").Append("</button>\n</form></section>\n");
    }

    private static void Field(StringBuilder html, string form, string name, string label, string type)
    {
        html.Append("<div class=\"field\"><label for=\"").Append(form).Append('-').Append(name).Append("\">")
            .Append(label).Append("</label><input id=\"").Append(form).Append('-').Append(name).Append("\" type=\"")
            .Append(type).Append("\" name=\"").Append(name).Append("\" autocomplete=\"on\" required></div>\n");
    }

    private void WriteChildren(StringBuilder html)
    {
        if (_page.Children.Count == 0)
        {
            return;
        }

        var heading = _page.Kind == PageKind.Hub || _page.Kind == PageKind.Home ? "Explore" : "Keep reading";
        html.Append("<section class=\"card-grid container\"><h2>").Append(heading)
            .Append("</h2><div class=\"grid md:grid-cols-3 gap-8\">\n");
        foreach (var child in _page.Children)
        {
            html.Append("<article class=\"card\">");
            Image(html, $"/assets/img/photo-{_prose.Next(1, 49):D2}.svg", "", 400, 225, lazy: true);
            html.Append("<h3 class=\"card-title\">");
            Link(html, child, _plan.Pages[child].Title);
            html.Append("</h3><p class=\"card-excerpt\">").Append(_prose.Sentence()).Append("</p></article>\n");
        }

        html.Append("</div></section>\n");
    }

    private List<int> ChooseRelated(int count)
    {
        var chosen = new List<int>(Math.Max(0, count));
        var taken = new HashSet<int>(_targets) { _page.Index };
        var section = _plan.SectionOf(_page);
        for (var attempt = 0; chosen.Count < count && attempt < count * 20; attempt++)
        {
            var candidate = section.Count > 1 && _prose.Chance(0.7)
                ? _prose.Pick(section)
                : _prose.Next(0, _plan.Pages.Count);
            if (taken.Add(candidate))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }

    private void WriteRelated(StringBuilder html, List<int> related)
    {
        if (related.Count == 0)
        {
            return;
        }

        html.Append("<aside class=\"related container\" aria-labelledby=\"related-heading\">")
            .Append("<h2 id=\"related-heading\">Related</h2><ul class=\"related-list\">\n");
        foreach (var index in related)
        {
            html.Append("<li>");
            Link(html, index, _plan.Pages[index].Title);
            html.Append("</li>\n");
        }

        html.Append("</ul></aside>\n");
    }

    private void WriteCallToAction(StringBuilder html)
    {
        html.Append("<section class=\"cta-band\"><div class=\"container text-center\"><h2>See ").Append(Lexicon.Brand)
            .Append(" on your own data</h2><p>").Append(_prose.Sentence()).Append("</p><div class=\"flex gap-4\">");
        Link(html, "/demo/", "Book a demo", "btn btn-primary btn-lg");
        Link(html, "/pricing/", "See pricing", "btn btn-secondary btn-lg");
        html.Append("</div></div></section>\n");
    }

    private void WriteFooter(StringBuilder html)
    {
        html.Append("<footer class=\"site-footer\" role=\"contentinfo\"><div class=\"container grid grid-cols-5 gap-8\">\n");
        foreach (var (heading, links) in FooterColumns)
        {
            html.Append("<div class=\"footer-col\"><h3 class=\"footer-heading\">").Append(heading)
                .Append("</h3><ul class=\"footer-links\">");
            foreach (var (path, text) in links)
            {
                html.Append("<li>");
                Link(html, path, text, "footer-link");
                html.Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("</div>\n<div class=\"footer-bottom container flex justify-between\"><p>&copy; 2026 ")
            .Append(Lexicon.Brand).Append(", Inc. All rights reserved.</p><ul class=\"social flex gap-4\">");
        foreach (var network in Social)
        {
            html.Append("<li><a href=\"https://www.").Append(network).Append(".example/acmepipeline\" rel=\"noopener\" ")
                .Append("aria-label=\"").Append(network).Append("\">").Append(Icon(2)).Append("</a></li>");
        }

        html.Append("</ul><p><a href=\"mailto:hello@acmepipeline.example\">hello@acmepipeline.example</a> \u00b7 ")
            .Append("<a href=\"tel:+18005550100\">+1 800 555 0100</a></p></div>\n</footer>\n")
            .Append("<div class=\"cookie-banner\" role=\"dialog\" aria-live=\"polite\" hidden><p>We use cookies to ")
            .Append("measure and improve the site. ");
        Link(html, "/legal/cookies/", "Cookie policy", "underline");
        html.Append("</p><button type=\"button\" data-consent=\"accept\">Accept</button><button type=\"button\" ")
            .Append("data-consent=\"decline\">Decline</button></div>\n");
    }

    private void Link(StringBuilder html, string path, string innerHtml, string cssClass)
    {
        var index = _plan.Find(path);
        if (index < 0)
        {
            // A small site lacks some top-level pages; its templates leave the link out.
            return;
        }

        _targets.Add(index);
        html.Append("<a class=\"").Append(cssClass).Append("\" href=\"").Append(path).Append("\">").Append(innerHtml)
            .Append("</a>");
    }

    private void Link(StringBuilder html, int index, string text)
    {
        _targets.Add(index);
        html.Append("<a href=\"").Append(_plan.Pages[index].Path).Append("\">").Append(Escape(text)).Append("</a>");
    }

    private void Image(StringBuilder html, string src, string alt, int width, int height, bool lazy)
    {
        html.Append("<img src=\"").Append(src).Append('"');
        if (!_prose.Chance(0.03))
        {
            html.Append(" alt=\"").Append(Escape(alt)).Append('"');
        }

        if (!_prose.Chance(0.05))
        {
            html.Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append('"');
        }

        html.Append(lazy ? " loading=\"lazy\" decoding=\"async\">" : " fetchpriority=\"high\">");
    }

    private static string Icon(int variant) =>
        "<svg class=\"icon\" width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" " +
        "stroke-width=\"2\" aria-hidden=\"true\"><path stroke-linecap=\"round\" stroke-linejoin=\"round\" d=\"" +
        Lexicon.IconPaths[variant % Lexicon.IconPaths.Length] + "\"/></svg>";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
