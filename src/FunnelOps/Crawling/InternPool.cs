using System.Collections.Concurrent;

namespace FunnelOps.Crawling;

/// <summary>
/// Shares one instance of each URL and short text a crawl keeps: the same navigation links, link
/// texts and image addresses repeat on every page, and without sharing a 10,000-page crawl would
/// hold hundreds of thousands of copies. Lives as long as the crawl's snapshots.
/// </summary>
internal sealed class InternPool
{
    private const int MaxPooledLength = 200;
    private const int MaxEntries = 500_000;

    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _urls = new(StringComparer.Ordinal);

    /// <summary>The shared copy of <paramref name="text"/>; long or rare texts are kept as they are once the pool is full.</summary>
    public string? Text(string? text)
    {
        if (text is null || text.Length > MaxPooledLength)
        {
            return text;
        }

        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        return _texts.Count < MaxEntries ? _texts.GetOrAdd(text, text) : text;
    }

    /// <summary>The shared instance of <paramref name="url"/>.</summary>
    public Uri? Url(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var key = url.AbsoluteUri;
        if (_urls.TryGetValue(key, out var shared))
        {
            return shared;
        }

        return _urls.Count < MaxEntries ? _urls.GetOrAdd(key, url) : url;
    }
}
