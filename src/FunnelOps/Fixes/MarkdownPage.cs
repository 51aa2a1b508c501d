using System.Text.RegularExpressions;
using FunnelOps.Serving;

namespace FunnelOps.Fixes;

/// <summary>
/// One Markdown file of the repository and the URL paths its generator would give it, by the
/// conventions of Hugo (<c>content/</c>), Jekyll (<c>_posts/</c> with date prefixes, pages),
/// Eleventy (pages under the root or <c>src/</c>) and Astro (<c>src/content/</c>, <c>src/pages/</c>),
/// and by its front matter (<c>url</c>, <c>permalink</c>, <c>slug</c>).
/// </summary>
internal sealed partial class MarkdownPage
{
    // Folders that hold templates, assets, dependencies or build output, never pages.
    private static readonly HashSet<string> Skipped = new(
        ["node_modules", "layouts", "_layouts", "_includes", "_data", "themes", "static", "assets", "vendor",
            "resources", "archetypes", "i18n", "data", "components"],
        StringComparer.Ordinal);

    private const int MaxFiles = 20_000;
    private const int MaxBytes = 1_000_000;

    private readonly List<(string Key, string Rule)> _routes = [];
    private (string Slug, string? Date)? _post;

    private MarkdownPage(string relativePath)
    {
        RelativePath = relativePath;
    }

    /// <summary>The file inside the repository, with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>Every Markdown page of the repository at <paramref name="root"/>, at most 20,000.</summary>
    public static IReadOnlyList<MarkdownPage> Index(string root, SiteLayout layout)
    {
        var pages = new List<MarkdownPage>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0 && pages.Count < MaxFiles)
        {
            var folder = pending.Pop();
            foreach (var directory in Directory.EnumerateDirectories(folder).OrderDescending(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(directory);
                var relative = Path.GetRelativePath(root, directory).Replace('\\', '/');
                if (!name.StartsWith('.') && !Skipped.Contains(name) && !layout.IsGenerated(relative) &&
                    new DirectoryInfo(directory).LinkTarget is null)
                {
                    pending.Push(directory);
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                if ((file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ||
                    file.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)) && SafePath.IsInside(root, file) &&
                    new FileInfo(file).Length <= MaxBytes)
                {
                    pages.Add(Read(root, Path.GetRelativePath(root, file).Replace('\\', '/')));
                }
            }
        }

        return pages;
    }

    /// <summary>The key a page's URL path segments compare by: lower case, no <c>.html</c>, no <c>index</c>.</summary>
    public static string KeyOf(IEnumerable<string> segments)
    {
        var parts = segments.Select(s => s.ToLowerInvariant()).ToList();
        if (parts.Count > 0)
        {
            parts[^1] = HtmlExtension().Replace(parts[^1], "");
            if (parts[^1] is "index" or "_index" or "")
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>How this file produces the page with URL key <paramref name="key"/>, one sentence per convention that fits.</summary>
    public IEnumerable<string> Matches(string key)
    {
        foreach (var (routeKey, rule) in _routes)
        {
            if (routeKey == key)
            {
                yield return rule;
            }
        }

        // Jekyll puts posts at /:categories/:year/:month/:day/:title.html by default, or elsewhere by
        // its permalink setting; the date-prefixed file name's slug is what every such URL shares.
        if (_post is { } post && key.Split('/')[^1] == post.Slug &&
            (post.Date is null || !DateInPath().IsMatch(key) || key.Contains(post.Date, StringComparison.Ordinal)))
        {
            yield return "a Jekyll post, by the slug after the date in its file name";
        }
    }

    private static MarkdownPage Read(string root, string relative)
    {
        var page = new MarkdownPage(relative);
        var text = File.ReadAllText(Path.Combine(root, relative)).TrimStart('\uFEFF');
        var front = FrontMatter.Read(text, "\n");
        var path = relative[..relative.LastIndexOf('.')];
        var conventional = new List<string>();

        if (path.StartsWith("content/", StringComparison.Ordinal))
        {
            conventional.Add(Route(path["content/".Length..]));
            page._routes.Add((conventional[^1], "Hugo's content folder mirrors the URL"));
        }
        else if (path.Contains("_posts/", StringComparison.Ordinal) &&
            PostName().Match(path.Split('/')[^1]) is { Success: true } post)
        {
            page._post = (post.Groups["slug"].Value.ToLowerInvariant(),
                $"{post.Groups["y"].Value}/{post.Groups["m"].Value}/{post.Groups["d"].Value}");
        }
        else if (path.StartsWith("src/content/", StringComparison.Ordinal))
        {
            conventional.Add(Route(path["src/content/".Length..]));
            page._routes.Add((conventional[^1], "an Astro content collection, by collection and entry name"));
        }
        else if (path.StartsWith("src/pages/", StringComparison.Ordinal))
        {
            conventional.Add(Route(path["src/pages/".Length..]));
            page._routes.Add((conventional[^1], "Astro's pages folder mirrors the URL"));
        }
        else
        {
            var rule = "a page file named like the URL, as Jekyll and Eleventy publish it";
            conventional.Add(Route(path));
            page._routes.Add((conventional[^1], rule));
            if (path.StartsWith("src/", StringComparison.Ordinal))
            {
                conventional.Add(Route(path["src/".Length..]));
                page._routes.Add((conventional[^1], "an Eleventy page under src/ named like the URL"));
            }
        }

        AddFrontMatterRoutes(page, front, conventional);
        return page;
    }

    private static void AddFrontMatterRoutes(MarkdownPage page, FrontMatter front, List<string> conventional)
    {
        foreach (var key in new[] { "permalink", "url" })
        {
            // Permalinks with placeholders (":title", "{{ page.fileSlug }}") are left to the conventions.
            if (front.Value(key) is { Length: > 0 } fixedPath && !fixedPath.Contains(':', StringComparison.Ordinal) &&
                !fixedPath.Contains('{', StringComparison.Ordinal))
            {
                page._routes.Insert(0, (KeyOf(fixedPath.Split('/', StringSplitOptions.RemoveEmptyEntries)),
                    $"its front matter sets {key}: {fixedPath}"));
            }
        }

        if (front.Value("slug") is { Length: > 0 } slug && !slug.Contains('/', StringComparison.Ordinal))
        {
            foreach (var route in conventional)
            {
                var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (parts.Count > 0)
                {
                    parts[^1] = slug.ToLowerInvariant();
                }

                page._routes.Insert(0, (string.Join('/', parts), $"its front matter sets slug: {slug}"));
            }

            if (page._post is { } post)
            {
                page._post = (slug.ToLowerInvariant(), post.Date);
            }
        }
    }

    private static string Route(string path) => KeyOf(path.Split('/', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\.html?$")]
    private static partial Regex HtmlExtension();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})-(?<slug>.+)$")]
    private static partial Regex PostName();

    [GeneratedRegex(@"(^|/)[0-9]{4}/[0-9]{2}/[0-9]{2}(/|$)")]
    private static partial Regex DateInPath();
}
