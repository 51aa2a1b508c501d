using FunnelOps.Serving;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Finds the repository file behind an address the page links to (an image, a download), the
/// way the site is served: under the same content root as the page, never outside the repository.
/// </summary>
internal static class SiteFiles
{
    /// <summary>
    /// The full path of the folder the site is published from: the one the planner found, or else
    /// the part of the page file's path that its URL path does not explain
    /// (<c>public/features/index.html</c> served at <c>/features/</c> is published from <c>public</c>).
    /// </summary>
    public static string? ContentRoot(HtmlSource source, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(pageUrl);
        if (source.ContentRoot is { } known)
        {
            return Path.GetFullPath(known);
        }

        var relative = source.File.RelativePath;
        var path = Uri.UnescapeDataString(pageUrl.AbsolutePath).Trim('/');
        string[] candidates = path.Length == 0 ? ["index.html"] : [path + "/index.html", path + ".html", path];
        foreach (var candidate in candidates)
        {
            if (relative == candidate)
            {
                return Path.GetFullPath(source.File.RepositoryRoot);
            }

            if (relative.EndsWith("/" + candidate, StringComparison.Ordinal))
            {
                return Path.GetFullPath(Path.Combine(source.File.RepositoryRoot, relative[..^(candidate.Length + 1)]));
            }
        }

        return null;
    }

    /// <summary>
    /// The file that <paramref name="href"/>, as written in the page, is served from; null with the
    /// reason in <paramref name="why"/> when it is embedded, on another site or not in the repository.
    /// </summary>
    public static string? Find(HtmlSource source, Uri pageUrl, string contentRoot, string? href, out string why)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(href))
        {
            why = "it has no address";
            return null;
        }

        if (href.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            why = "it is embedded in the page";
            return null;
        }

        if (!Uri.TryCreate(BaseOf(source, pageUrl), href.Trim(), out var resolved) ||
            resolved.Scheme is not ("http" or "https"))
        {
            why = "its address is not a web address";
            return null;
        }

        if (!string.Equals(resolved.Authority, pageUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            why = $"it is served from another site ({resolved.Host})";
            return null;
        }

        // The server's own lookup, so the file is the one visitors get; it refuses dot-files and
        // paths out of the content root, and the repository check catches links pointing out of it.
        var file = StaticSiteServer.MapToFile(contentRoot, Uri.UnescapeDataString(resolved.AbsolutePath));
        if (file is null || !File.Exists(file) || !SafePath.IsInside(source.File.RepositoryRoot, file))
        {
            why = "its file is not in the repository";
            return null;
        }

        why = "";
        return file;
    }

    private static Uri BaseOf(HtmlSource source, Uri pageUrl) =>
        source.FindFirst("base[href]") is { } found &&
        Uri.TryCreate(pageUrl, found.Element.GetAttribute("href")?.Trim(), out var declared)
            ? declared
            : pageUrl;
}
