namespace FunnelOps.Signals;

/// <summary>
/// What identifies a page when exports and the crawl are compared: the host without case or a
/// leading <c>www.</c>, and the path without a trailing slash or <c>index.html</c>. Query strings
/// (campaign tags such as utm_source and gclid, filters, sort orders) and fragments are left out,
/// so that every row about one page adds up to that page.
/// </summary>
/// <param name="Host">The host, lower case, without <c>www.</c>; empty for a path without a host.</param>
/// <param name="Path">The path, percent-encoding normalised, without a trailing slash ("/" for the root).</param>
internal readonly record struct PageKey(string Host, string Path)
{
    /// <summary>The key of a crawled URL.</summary>
    public static PageKey Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new PageKey(HostOf(url.Host), PathOf(url.AbsolutePath));
    }

    /// <summary>
    /// Reads what an export wrote for a page: an absolute URL, a URL without a scheme
    /// (<c>www.example.com/pricing</c>) or a path (<c>/pricing/?utm_source=x</c>). Paths are
    /// taken as the site's. False for anything else, such as GA4's app screen names.
    /// </summary>
    public static bool TryRead(string text, Uri site, out PageKey key, out Uri url)
    {
        key = default;
        url = site;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        // A path, as GA4 writes it: no need to parse a whole URL.
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            var end = trimmed.AsSpan().IndexOfAny('?', '#');
            var path = end < 0 ? trimmed : trimmed[..end];
            if (!Uri.TryCreate(site, path, out var resolved))
            {
                return false;
            }

            url = resolved;
            key = Of(url);
            return true;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = site.Scheme + ":" + trimmed;
        }
        else if (!trimmed.StartsWith('/') && !trimmed.Contains("://", StringComparison.Ordinal))
        {
            // A host and path without a scheme, as Search Console and Ads sometimes write them.
            var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
            var host = slash < 0 ? trimmed : trimmed[..slash];
            if (!host.Contains('.', StringComparison.Ordinal))
            {
                return false;
            }

            trimmed = "https://" + trimmed;
        }

        if (!Uri.TryCreate(site, trimmed, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }

        url = new UriBuilder(parsed) { Query = "", Fragment = "" }.Uri;
        key = Of(url);
        return true;
    }

    /// <summary>
    /// False when an export wrote a path for the page (<c>/pricing</c>), which names no host and is
    /// taken as the site's; true when it wrote the host.
    /// </summary>
    public static bool NamesHost(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return !trimmed.StartsWith('/') || trimmed.StartsWith("//", StringComparison.Ordinal);
    }

    private static string HostOf(string host)
    {
        var lower = host.ToLowerInvariant();
        return lower.StartsWith("www.", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    private static string PathOf(string path)
    {
        var unescaped = Uri.UnescapeDataString(path);
        foreach (var index in new[] { "/index.html", "/index.htm" })
        {
            if (unescaped.EndsWith(index, StringComparison.OrdinalIgnoreCase))
            {
                unescaped = unescaped[..^(index.Length - 1)];
            }
        }

        var trimmed = unescaped.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}
