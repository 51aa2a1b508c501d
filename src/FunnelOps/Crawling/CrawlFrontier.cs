using System.Collections.Concurrent;
using System.Threading.Channels;
using FunnelOps.Playbooks;

namespace FunnelOps.Crawling;

/// <summary>
/// The URLs still to crawl, each admitted once: within scope, allowed by robots.txt, within the
/// page, resource and per-pattern limits, and with at most a few query-string variants per path,
/// which stops calendars and faceted search from trapping the crawl. When the links run out,
/// the URLs only a sitemap lists are admitted, then the frontier closes.
/// </summary>
internal sealed class CrawlFrontier
{
    /// <summary>The depth of pages no link leads to, only a sitemap.</summary>
    public const int SitemapOnlyDepth = -1;

    private readonly CrawlOptions _options;
    private readonly CrawlScope _scope;
    private readonly RobotsRules _robots;
    private readonly IReadOnlySet<Uri> _sitemapUrls;
    private readonly ConcurrentDictionary<Uri, PageSnapshot> _snapshots;
    private readonly Channel<CrawlItem> _queue = Channel.CreateUnbounded<CrawlItem>();
    private readonly HashSet<Uri> _seen = [];
    private readonly Dictionary<string, int> _variantsPerPath = new(StringComparer.Ordinal);
    private readonly Dictionary<UrlPattern, int> _perPattern = [];
    private readonly HashSet<string> _capped = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _documents;
    private int _resources;
    private int _blocked;
    private int _pending;
    private bool _sitemapsAdmitted;
    private bool _pageLimitReached;

    public CrawlFrontier(CrawlOptions options, CrawlScope scope, RobotsRules robots, IReadOnlySet<Uri> sitemapUrls,
        ConcurrentDictionary<Uri, PageSnapshot> snapshots)
    {
        _options = options;
        _scope = scope;
        _robots = robots;
        _sitemapUrls = sitemapUrls;
        _snapshots = snapshots;
    }

    public ChannelReader<CrawlItem> Reader => _queue.Reader;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Admits <paramref name="url"/> unless it was seen, is out of scope or over a limit.</summary>
    public void TryAdd(Uri url, int depth, PageKind kind)
    {
        if (!_scope.Contains(url))
        {
            return;
        }

        lock (_lock)
        {
            if (!_seen.Add(url))
            {
                return;
            }

            if (!_robots.IsAllowed(url))
            {
                // Recorded so reports can show it, never fetched; bounded like the pages.
                if (_blocked++ >= _options.MaxPages)
                {
                    return;
                }

                _snapshots[url] = new PageSnapshot
                {
                    Url = url,
                    Status = 0,
                    Depth = depth,
                    Kind = kind,
                    Outcome = FetchOutcome.BlockedByRobots,
                    Error = "robots.txt asks crawlers not to read this URL.",
                };
                return;
            }

            if (!WithinLimits(url, kind))
            {
                return;
            }

            _pending++;
            _queue.Writer.TryWrite(new CrawlItem(url, depth, kind));
        }
    }

    /// <summary>Marks one admitted URL as done; closes the frontier when nothing is left.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _pending--;
            CloseWhenIdle();
        }
    }

    /// <summary>Closes the frontier at once when nothing could be admitted (for example robots.txt forbids the start).</summary>
    public void CompleteIfIdle()
    {
        lock (_lock)
        {
            CloseWhenIdle();
        }
    }

    /// <summary>What a person should know about the limits the crawl reached.</summary>
    public IEnumerable<string> Notes()
    {
        if (_pageLimitReached)
        {
            yield return $"The crawl stopped at its limit of {_options.MaxPages} URLs; some pages were not read.";
        }

        foreach (var capped in _capped.Order(StringComparer.Ordinal))
        {
            yield return capped;
        }
    }

    private void CloseWhenIdle()
    {
        if (_pending > 0)
        {
            return;
        }

        if (!_sitemapsAdmitted)
        {
            _sitemapsAdmitted = true;
            foreach (var url in _sitemapUrls)
            {
                if (!_seen.Contains(url) && _robots.IsAllowed(url) && WithinLimits(url, PageKind.Document))
                {
                    _seen.Add(url);
                    _pending++;
                    _queue.Writer.TryWrite(new CrawlItem(url, SitemapOnlyDepth, PageKind.Document));
                }
            }

            if (_pending > 0)
            {
                return;
            }
        }

        _queue.Writer.TryComplete();
    }

    private bool WithinLimits(Uri url, PageKind kind)
    {
        if (kind == PageKind.Resource)
        {
            return _resources++ < _options.MaxResources;
        }

        if (_documents >= _options.MaxPages)
        {
            _pageLimitReached = true;
            return false;
        }

        if (url.Query.Length > 1)
        {
            var path = url.GetLeftPart(UriPartial.Path);
            var variants = _variantsPerPath.GetValueOrDefault(path) + 1;
            _variantsPerPath[path] = variants;
            if (variants > _options.MaxQueryVariantsPerPath)
            {
                _capped.Add($"{url.AbsolutePath} has more than {_options.MaxQueryVariantsPerPath} query-string " +
                    "variants (filters, sorting or a calendar); only the first ones were read.");
                return false;
            }
        }

        foreach (var (pattern, cap) in _options.PatternCaps)
        {
            if (!pattern.IsMatch(url))
            {
                continue;
            }

            var count = _perPattern.GetValueOrDefault(pattern) + 1;
            _perPattern[pattern] = count;
            if (count > cap)
            {
                _capped.Add($"More than {cap} URLs match {pattern}; only the first {cap} were read.");
                return false;
            }
        }

        _documents++;
        return true;
    }
}
