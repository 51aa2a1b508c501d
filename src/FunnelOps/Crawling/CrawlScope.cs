using FunnelOps.Playbooks;

namespace FunnelOps.Crawling;

/// <summary>
/// Decides which URLs belong to the crawl: the site's scheme, host and port (or one of its
/// extra host names), within the include and outside the exclude patterns.
/// </summary>
public sealed class CrawlScope
{
    private readonly Uri _origin;
    private readonly HashSet<string> _hosts;
    private readonly IReadOnlyList<UrlPattern> _include;
    private readonly IReadOnlyList<UrlPattern> _exclude;

    /// <summary>Creates the scope of the site at <paramref name="startUrl"/>: its scheme, host and port.</summary>
    public CrawlScope(Uri startUrl) : this(new CrawlOptions { StartUrl = startUrl })
    {
    }

    /// <summary>Creates the scope that <paramref name="options"/> describe.</summary>
    public CrawlScope(CrawlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _origin = new Uri(options.StartUrl.GetLeftPart(UriPartial.Authority));
        _hosts = new HashSet<string>(options.ExtraHosts.Append(_origin.Host), StringComparer.OrdinalIgnoreCase);
        _include = options.Include;
        _exclude = options.Exclude;
    }

    /// <summary>True when <paramref name="url"/> is on the crawled site: same scheme and port, a known host.</summary>
    public bool IsOnSite(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.Equals(url.Host, _origin.Host, StringComparison.OrdinalIgnoreCase))
        {
            return url.Scheme == _origin.Scheme && url.Port == _origin.Port;
        }

        // Another name of the same site: same scheme, on the site's port or the default one.
        return _hosts.Contains(url.Host) && url.Scheme == _origin.Scheme && (url.Port == _origin.Port || url.IsDefaultPort);
    }

    /// <summary>True when <paramref name="url"/> is on the site and its path is within the patterns.</summary>
    public bool Contains(Uri url) =>
        IsOnSite(url) && (_include.Count == 0 || _include.Any(p => p.IsMatch(url))) && !_exclude.Any(p => p.IsMatch(url));

    /// <summary>
    /// Resolves <paramref name="href"/> against <paramref name="baseUrl"/> and normalises it with the
    /// default settings. Returns null for non-HTTP links.
    /// </summary>
    public static Uri? Resolve(Uri baseUrl, string? href) => UrlNormalizer.Default.Resolve(baseUrl, href);

    /// <summary>Normalises <paramref name="url"/> with the default settings.</summary>
    public static Uri Normalize(Uri url) => UrlNormalizer.Default.Normalize(url);
}
