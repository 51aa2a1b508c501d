using AngleSharp.Html.Parser;
using FunnelOps.Crawling;
using FunnelOps.Serving;

namespace FunnelOps.Fixes;

/// <summary>
/// Maps a page URL to the static HTML file in the site repository that produces it, under the
/// repository root or a usual publishing folder, and confirms the match by the page's title.
/// Paths that would leave the repository (<c>..</c>, encoded separators, symbolic links out) are refused.
/// </summary>
public sealed class SourceMapper
{
    private static readonly string[] ContentRoots = ["", "public", "site", "docs", "static"];
    private readonly string _root;

    /// <summary>Creates a mapper for the repository whose working tree is <paramref name="repositoryRoot"/>.</summary>
    public SourceMapper(string repositoryRoot)
    {
        _root = Path.GetFullPath(repositoryRoot);
    }

    /// <summary>The file that produces <paramref name="page"/>, or null with the reason in <paramref name="why"/>.</summary>
    public SourceMapping? Map(PageSnapshot page, out string why)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Uri.UnescapeDataString(page.Url.AbsolutePath);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.StartsWith('.') || s.Contains('\\', StringComparison.Ordinal)))
        {
            why = $"The URL path {page.Url.AbsolutePath} would lead outside the repository or into a hidden folder.";
            return null;
        }

        foreach (var candidate in Candidates(segments, path.EndsWith('/')))
        {
            foreach (var contentRoot in ContentRoots)
            {
                var relative = string.Join('/', new[] { contentRoot, candidate }.Where(p => p.Length > 0));
                var full = Path.GetFullPath(Path.Combine(_root, relative));
                if (!File.Exists(full) || !IsInsideRepository(full))
                {
                    continue;
                }

                if (!TitleMatches(full, page.Html?.Title))
                {
                    continue;
                }

                why = "";
                var rule = candidate.EndsWith("index.html", StringComparison.Ordinal)
                    ? "the folder's index.html (clean URL)"
                    : "the file named like the URL";
                return new SourceMapping(page.Url, relative, Path.Combine(_root, contentRoot),
                    $"`{page.Url.AbsolutePath}` is served from {rule}, `{relative}`; " +
                    "confirmed because the file's title matches the live page's title.");
            }
        }

        why = $"No file in the repository produces {page.Url.AbsolutePath} with the same title as the live page.";
        return null;
    }

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

    private bool IsInsideRepository(string full) => SafePath.IsInside(_root, full);

    private static bool TitleMatches(string file, string? liveTitle)
    {
        if (string.IsNullOrWhiteSpace(liveTitle))
        {
            return true;
        }

        var document = new HtmlParser().ParseDocument(File.ReadAllText(file));
        var sourceTitle = PageParser.Collapse(document.Title ?? "");
        return string.Equals(sourceTitle, liveTitle.TrimEnd('…'), StringComparison.Ordinal) ||
            (liveTitle.EndsWith('…') && sourceTitle.StartsWith(liveTitle.TrimEnd('…'), StringComparison.Ordinal));
    }
}
