namespace FunnelOps.Crawling;

/// <summary>
/// Decides which URLs belong to the site and gives each one canonical form, so that the same
/// page reached by two spellings is fetched once.
/// </summary>
public sealed class CrawlScope
{
    private readonly Uri _origin;

    /// <summary>Creates the scope of the site at <paramref name="startUrl"/>: its scheme, host and port.</summary>
    public CrawlScope(Uri startUrl)
    {
        ArgumentNullException.ThrowIfNull(startUrl);
        _origin = new Uri(startUrl.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>True when <paramref name="url"/> is on the crawled site.</summary>
    public bool Contains(Uri url) =>
        Uri.Compare(url, _origin, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped,
            StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>
    /// Resolves <paramref name="href"/> against <paramref name="baseUrl"/> and normalises it:
    /// no fragment, lower-case host, default port dropped. Returns null for non-HTTP links.
    /// </summary>
    public static Uri? Resolve(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Length > 2048)
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, href.Trim(), out var resolved))
        {
            return null;
        }

        return resolved.Scheme is "http" or "https" ? Normalize(resolved) : null;
    }

    /// <summary>Removes the fragment and writes scheme and host in their canonical case.</summary>
    public static Uri Normalize(Uri url)
    {
        var builder = new UriBuilder(url) { Fragment = "" };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }
}
