using System.Text;

namespace FunnelOps.Benchmarks.Generation;

/// <summary>The files beside the pages: robots.txt, sitemap.xml and the assets the templates reference.</summary>
internal static class SiteFiles
{
    public static void Write(string root, SitePlan plan)
    {
        File.WriteAllText(Path.Combine(root, "robots.txt"), $"""
            User-agent: *
            Disallow: /api/
            Disallow: /search/

            Sitemap: {Lexicon.ProductionOrigin}/sitemap.xml

            """);

        var sitemap = new StringBuilder(plan.Pages.Count * 96);
        sitemap.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in plan.Pages)
        {
            sitemap.Append("<url><loc>").Append(Lexicon.ProductionOrigin).Append(page.Path).Append("</loc></url>\n");
        }

        File.WriteAllText(Path.Combine(root, "sitemap.xml"), sitemap.Append("</urlset>\n").ToString());

        // Small stand-ins: the crawlers compared here check that assets exist, they do not render them.
        var images = Enumerable.Range(1, 48).Select(i => $"assets/img/photo-{i:D2}.svg")
            .Concat(Enumerable.Range(1, 8).Select(i => $"assets/img/logos/logo-{i:D2}.svg"))
            .Concat(Enumerable.Range(1, 16).Select(i => $"assets/img/people/person-{i:D2}.svg"))
            .Append("favicon.svg");
        foreach (var image in images)
        {
            Write(root, image, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"9\" viewBox=\"0 0 16 9\">" +
                "<rect width=\"16\" height=\"9\" fill=\"#c7d2fe\"/></svg>\n");
        }

        Write(root, "assets/css/site.4f2a9c.css", string.Concat(Enumerable.Range(0, 400).Select(i =>
            $".u-{i}{{margin:{i % 48}px;padding:{i % 24}px;color:#{i * 2654435761 % 0xFFFFFF:x6}}}\n")));
        Write(root, "assets/js/app.4f2a9c.js", "document.documentElement.classList.add('js');\n");
        Write(root, "assets/js/consent.7d1e.js", "window.consent = window.consent || [];\n");
        Write(root, "assets/js/analytics.js", "window.dataLayer = window.dataLayer || [];\n");
        Write(root, "assets/js/chat-widget.js", "window.chat = { ready: true };\n");
        Write(root, "assets/fonts/inter-var.woff2", "wOF2");
    }

    private static void Write(string root, string relativePath, string contents)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
    }
}
