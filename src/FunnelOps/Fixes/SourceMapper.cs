using AngleSharp.Html.Parser;
using FunnelOps.Crawling;
using FunnelOps.Serving;

namespace FunnelOps.Fixes;

/// <summary>
/// Maps a page URL to the file in the site repository that produces it: a configured pattern
/// first, then a static HTML file (under the repository root or a usual publishing folder), then
/// a Markdown page in the layout of Hugo, Jekyll, Eleventy or Astro. Every match is confirmed by
/// content (the page's title or main heading is found in the file) and says how it was found.
/// Paths that would leave the repository (<c>..</c>, encoded separators, symbolic links out) are refused.
/// </summary>
public sealed class SourceMapper
{
    private static readonly string[] StaticRoots = ["", "public", "site", "docs", "static"];
    private readonly string _root;
    private readonly FixSettings _settings;
    private readonly SiteLayout _layout;
    private IReadOnlyList<MarkdownPage>? _markdown;

    /// <summary>Creates a mapper for the repository whose working tree is <paramref name="repositoryRoot"/>.</summary>
    public SourceMapper(string repositoryRoot, FixSettings? settings = null)
    {
        _root = Path.GetFullPath(repositoryRoot);
        _settings = settings ?? FixSettings.Default;
        _layout = SiteLayout.Detect(_root, _settings.Build?.Output);
    }

    /// <summary>The generator the repository is set up for, and the folders it writes.</summary>
    public SiteLayout Layout => _layout;

    /// <summary>The file that produces <paramref name="page"/>, or null with the reason in <paramref name="why"/>.</summary>
    public SourceMapping? Map(PageSnapshot page, out string why)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Uri.UnescapeDataString(page.Url.AbsolutePath);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.StartsWith('.') || s.Contains('\\', StringComparison.Ordinal) ||
                s.Any(char.IsControl)) ||
            page.Url.AbsolutePath.Contains("%2f", StringComparison.OrdinalIgnoreCase) ||
            page.Url.AbsolutePath.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            why = $"The URL path {page.Url.AbsolutePath} would lead outside the repository or into a hidden folder, " +
                "or names no file a repository can hold.";
            return null;
        }

        var mapping = FromRules(page, path, out why) ?? FromStaticFiles(page, segments, path.EndsWith('/')) ??
            FromMarkdown(page, segments);
        if (mapping is not null)
        {
            why = "";
            return mapping;
        }

        if (why.Length == 0)
        {
            why = $"No file in the repository produces {page.Url.AbsolutePath} with the same title or main heading " +
                "as the live page. If the page comes from somewhere FunnelOps does not look, add a pattern under " +
                "fixes: sources: in .funnelops/config.yml.";
        }

        return null;
    }

    private SourceMapping? FromRules(PageSnapshot page, string path, out string why)
    {
        why = "";
        foreach (var rule in _settings.Sources)
        {
            if (rule.FileFor(path) is not { } relative)
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(_root, relative));
            if (relative.Split('/', '\\').Any(s => s is "..") || !SafePath.IsInside(_root, full))
            {
                why = $"The configured source pattern {rule.File} gives {relative} for {path}, which is outside " +
                    "the repository or in a hidden folder; FunnelOps never edits such files.";
                return null;
            }

            if (!File.Exists(full))
            {
                continue;
            }

            var found = $"`{page.Url.AbsolutePath}` matches the configured source pattern `{rule.Url}` → `{rule.File}`";
            return IsMarkdown(relative)
                ? ConfirmMarkdown(page, relative.Replace('\\', '/'), found)
                : ConfirmHtml(page, relative.Replace('\\', '/'), _root, found);
        }

        return null;
    }

    private SourceMapping? FromStaticFiles(PageSnapshot page, string[] segments, bool folder)
    {
        foreach (var candidate in Candidates(segments, folder))
        {
            foreach (var contentRoot in StaticRoots.Where(r => !_layout.IsGenerated(r)))
            {
                var relative = string.Join('/', new[] { contentRoot, candidate }.Where(p => p.Length > 0));
                var full = Path.GetFullPath(Path.Combine(_root, relative));
                if (!File.Exists(full) || !SafePath.IsInside(_root, full))
                {
                    continue;
                }

                var rule = candidate.EndsWith("index.html", StringComparison.Ordinal)
                    ? "the folder's index.html (clean URL)"
                    : "the file named like the URL";
                var found = $"`{page.Url.AbsolutePath}` is served from {rule}, `{relative}`";
                if (ConfirmHtml(page, relative, Path.Combine(_root, contentRoot), found) is { } mapping)
                {
                    return mapping;
                }
            }
        }

        return null;
    }

    private SourceMapping? FromMarkdown(PageSnapshot page, string[] segments)
    {
        var key = MarkdownPage.KeyOf(segments);
        _markdown ??= MarkdownPage.Index(_root, _layout);
        foreach (var (candidate, rule) in _markdown.SelectMany(m => m.Matches(key).Select(r => (m, r))))
        {
            var found = $"`{page.Url.AbsolutePath}` is built from `{candidate.RelativePath}` ({rule})";
            if (ConfirmMarkdown(page, candidate.RelativePath, found) is { } mapping)
            {
                return mapping;
            }
        }

        return null;
    }

    private SourceMapping? ConfirmHtml(PageSnapshot page, string relative, string contentRoot, string found)
    {
        var liveTitle = page.Html?.Title;
        var liveH1 = page.Html?.H1.Select(PageParser.Collapse).Where(h => h.Length > 0).ToList() ?? [];
        if (string.IsNullOrWhiteSpace(liveTitle) && liveH1.Count == 0)
        {
            return new SourceMapping(page.Url, relative, contentRoot,
                found + "; the live page has no title or main heading to confirm it by.");
        }

        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_root, relative)));
        var sourceTitle = PageParser.Collapse(document.Title ?? "");
        if (!string.IsNullOrWhiteSpace(liveTitle) &&
            (string.Equals(sourceTitle, liveTitle.TrimEnd('…'), StringComparison.Ordinal) ||
            (liveTitle.EndsWith('…') && sourceTitle.StartsWith(liveTitle.TrimEnd('…'), StringComparison.Ordinal))))
        {
            return new SourceMapping(page.Url, relative, contentRoot,
                found + "; confirmed because the file's title matches the live page's title.");
        }

        // A title the live page lacks or changes (a script, a proxy) still leaves the main heading to compare.
        var sourceH1 = document.QuerySelector("h1") is { } h1 ? PageParser.Collapse(h1.TextContent) : "";
        return sourceH1.Length > 0 && liveH1.Contains(sourceH1, StringComparer.Ordinal)
            ? new SourceMapping(page.Url, relative, contentRoot,
                found + $"; confirmed because the file's main heading \"{sourceH1}\" is the live page's main heading.")
            : null;
    }

    private SourceMapping? ConfirmMarkdown(PageSnapshot page, string relative, string found)
    {
        SourceFile file;
        try
        {
            file = SourceFile.Read(_root, relative);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var markdown = new MarkdownSource(file);
        if (Confirmation(page, markdown) is not { } confirmed)
        {
            return null;
        }

        return new SourceMapping(page.Url, relative, _layout.OutputRoot, $"{found}; {confirmed}.")
        {
            Kind = SourceKind.Markdown,
        };
    }

    /// <summary>Why the Markdown file is the page: its title or heading is found on the live page; null when not.</summary>
    private static string? Confirmation(PageSnapshot page, MarkdownSource markdown)
    {
        var liveTitle = PageParser.Collapse(page.Html?.Title ?? "").TrimEnd('…');
        var liveH1 = page.Html?.H1.Select(PageParser.Collapse).ToList() ?? [];
        if (liveTitle.Length == 0 && liveH1.Count == 0)
        {
            return "the live page has no title or main heading to confirm it by";
        }

        var title = PageParser.Collapse(markdown.FrontMatter.Value("title") ?? "");
        if (title.Length > 0 && liveH1.Any(h => h.Equals(title, StringComparison.OrdinalIgnoreCase)))
        {
            return $"confirmed because its front-matter title \"{title}\" is the live page's main heading";
        }

        if (title.Length > 0 && liveTitle.Contains(title, StringComparison.OrdinalIgnoreCase))
        {
            return $"confirmed because its front-matter title \"{title}\" is in the live page's title";
        }

        var heading = markdown.MainHeading;
        if (!string.IsNullOrEmpty(heading) && liveH1.Any(h => h.Equals(heading, StringComparison.OrdinalIgnoreCase)))
        {
            return $"confirmed because its heading \"{heading}\" is the live page's main heading";
        }

        // A title cut by the live page (too long) still confirms when the start agrees.
        return title.Length > 20 && liveTitle.Length > 20 &&
            title.StartsWith(liveTitle[..Math.Min(liveTitle.Length, title.Length)], StringComparison.OrdinalIgnoreCase)
            ? $"confirmed because its front-matter title \"{title}\" starts like the live page's title"
            : null;
    }

    private static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Candidates(string[] segments, bool folder)
    {
        var joined = string.Join('/', segments);
        if (segments.Length == 0 || folder)
        {
            yield return joined.Length == 0 ? "index.html" : joined + "/index.html";
            yield break;
        }

        if (joined.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ||
            joined.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            yield return joined;
            yield break;
        }

        yield return joined + ".html";
        yield return joined + "/index.html";
    }
}
