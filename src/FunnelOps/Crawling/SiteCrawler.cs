using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FunnelOps.Crawling;

/// <summary>
/// Crawls one site breadth first within its scope. Reads robots.txt and the sitemaps first,
/// follows redirects itself (recording every hop), parses every HTML page once and keeps its
/// snapshot, never its body, and checks the status of the site's own images, scripts and
/// stylesheets. Pages listed only in a sitemap are read last, at depth -1.
/// </summary>
public sealed class SiteCrawler
{
    private const long MaxRobotsBytes = 500 * 1024;

    private readonly IPageFetcher _fetcher;
    private readonly ILogger<SiteCrawler> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a crawler that fetches through <paramref name="fetcher"/>.</summary>
    public SiteCrawler(IPageFetcher fetcher, ILogger<SiteCrawler> logger, TimeProvider time)
    {
        _fetcher = fetcher;
        _logger = logger;
        _time = time;
    }

    /// <summary>Crawls the site at <see cref="CrawlOptions.StartUrl"/>.</summary>
    public async Task<CrawlResult> CrawlAsync(
        CrawlOptions options, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var normalizer = new UrlNormalizer(options.IgnoredQueryParameters, options.TrailingSlash);
        var start = normalizer.Normalize(options.StartUrl);
        options = options with { StartUrl = start };
        CrawlLog.Started(_logger, start, options.MaxPages);

        // Read robots.txt and the sitemaps.
        var notes = new List<string>();
        var robots = await ReadRobotsAsync(start, options, notes, cancellationToken);
        var scope = new CrawlScope(options);
        var sitemapUrls = options.ReadSitemaps
            ? await new SitemapReader(_fetcher).ReadAsync(SitemapAddresses(start, robots), scope, normalizer, notes,
                options.RequestTimeout, cancellationToken)
            : new HashSet<Uri>();

        // Crawl.
        var delay = robots.CrawlDelay is { } asked ? Min(asked, options.MaxCrawlDelay) : TimeSpan.Zero;
        using var throttle = new HostThrottle(options.PerHostConcurrency, delay, _time);
        var run = new CrawlRun(options, scope, normalizer, robots, sitemapUrls, progress, _time);
        foreach (var seed in options.ExtraStartUrls.Select(normalizer.Normalize).Prepend(start))
        {
            run.Frontier.TryAdd(seed, 0, PageKind.Document);
        }

        run.Frontier.CompleteIfIdle();
        var workers = Enumerable.Range(0, Math.Max(1, options.Concurrency))
            .Select(_ => WorkAsync(run, throttle, cancellationToken));
        await Task.WhenAll(workers);

        notes.AddRange(run.Frontier.Notes());
        CrawlLog.Finished(_logger, run.Snapshots.Count, run.Errors);
        var documents = run.Snapshots.Values.Where(s => s.Kind == PageKind.Document);
        var resources = run.Snapshots.Values.Where(s => s.Kind == PageKind.Resource);
        return new CrawlResult(start, documents, notes, resources, sitemapUrls.Count, robots,
            sitemapUrls.Where(url => !robots.IsAllowed(url)));
    }

    private async Task WorkAsync(CrawlRun run, HostThrottle throttle, CancellationToken cancellationToken)
    {
        await foreach (var item in run.Frontier.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                var snapshot = item.Kind == PageKind.Resource
                    ? await CheckResourceAsync(run, throttle, item, cancellationToken)
                    : await VisitAsync(run, throttle, item, cancellationToken);
                run.Snapshots[item.Url] = snapshot with { InSitemap = run.SitemapUrls.Contains(item.Url) };
                if (snapshot.IsBroken)
                {
                    Interlocked.Increment(ref run.Errors);
                }

                Discover(run, snapshot);
                run.Report();
            }
            finally
            {
                run.Frontier.Complete();
            }
        }
    }

    private async Task<PageSnapshot> VisitAsync(
        CrawlRun run, HostThrottle throttle, CrawlItem item, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var hops = new List<RedirectHop>();
        var current = item.Url;
        try
        {
            while (true)
            {
                var response = await FetchAsync(run, throttle, current, run.Options.MaxBodyBytes, cancellationToken);
                var next = response.Status is >= 300 and < 400 ? run.Normalizer.Resolve(current, response.Location) : null;
                if (next is null)
                {
                    return Snapshot(run, item, hops, response, current, _time.GetElapsedTime(started));
                }

                hops.Add(new RedirectHop(current, next, response.Status));
                if (RefuseHop(run, hops, next) is { } refusal)
                {
                    return new PageSnapshot
                    {
                        Url = item.Url,
                        Status = response.Status,
                        Redirects = hops,
                        Depth = item.Depth,
                        Error = refusal.Message,
                        Outcome = refusal.Outcome,
                        Elapsed = _time.GetElapsedTime(started),
                    };
                }

                current = next;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            CrawlLog.TimedOut(_logger, item.Url);
            return new PageSnapshot
            {
                Url = item.Url,
                Status = 0,
                Redirects = hops,
                Depth = item.Depth,
                Outcome = FetchOutcome.TimedOut,
                Elapsed = _time.GetElapsedTime(started),
                Error = $"No complete answer within {run.Options.RequestTimeout.TotalSeconds:0} seconds.",
            };
        }
    }

    // The time budget starts once the host's turn has come: waiting behind a crawl-delay is not
    // the server's slowness.
    private async Task<FetchResponse> FetchAsync(
        CrawlRun run, HostThrottle throttle, Uri url, long maxBodyBytes, CancellationToken cancellationToken)
    {
        using var turn = await throttle.EnterAsync(url, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(run.Options.RequestTimeout);
        return await _fetcher.FetchAsync(url, maxBodyBytes, timeout.Token);
    }

    private async Task<PageSnapshot> CheckResourceAsync(
        CrawlRun run, HostThrottle throttle, CrawlItem item, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            // Only the status matters: the body is not read.
            var response = await FetchAsync(run, throttle, item.Url, 0, cancellationToken);

            return new PageSnapshot
            {
                Url = item.Url,
                Kind = PageKind.Resource,
                Status = response.Status,
                ContentType = response.ContentType,
                Depth = item.Depth,
                Error = response.Error,
                Outcome = response.Status == 0 ? FetchOutcome.Unreachable : FetchOutcome.Fetched,
                TimeToFirstByte = response.TimeToFirstByte,
                Headers = response.Headers,
                Elapsed = _time.GetElapsedTime(started),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PageSnapshot
            {
                Url = item.Url,
                Kind = PageKind.Resource,
                Status = 0,
                Depth = item.Depth,
                Outcome = FetchOutcome.TimedOut,
                Error = $"No answer within {run.Options.RequestTimeout.TotalSeconds:0} seconds.",
            };
        }
    }

    private static (string Message, FetchOutcome Outcome)? RefuseHop(CrawlRun run, List<RedirectHop> hops, Uri next)
    {
        if (!run.Scope.Contains(next))
        {
            // Recorded, not fetched: a redirect must not steer the crawl off the site.
            return ($"Redirects to {next.Host}, outside the crawled site; not followed.", FetchOutcome.RedirectsOffSite);
        }

        if (!run.Robots.IsAllowed(next))
        {
            return ("Redirects to a URL that robots.txt asks crawlers not to read; not followed.", FetchOutcome.BlockedByRobots);
        }

        if (hops.Any(h => h.From == next))
        {
            return ("Redirect loop: the chain returns to a URL it already visited.", FetchOutcome.RedirectLoop);
        }

        return hops.Count > run.Options.MaxRedirects
            ? ($"More than {run.Options.MaxRedirects} redirects in a row; the chain was cut.", FetchOutcome.TooManyRedirects)
            : null;
    }

    private static PageSnapshot Snapshot(
        CrawlRun run, CrawlItem item, List<RedirectHop> hops, FetchResponse response, Uri final, TimeSpan elapsed)
    {
        var isHtml = response.Status == 200 && hops.Count == 0 && IsHtml(response.ContentType);
        var error = response.Error ??
            (response.Truncated ? $"Larger than {Size(run.Options.MaxBodyBytes)}; only the start was read." : null);
        return new PageSnapshot
        {
            Url = item.Url,
            Status = response.Status,
            Redirects = hops,
            ContentType = response.ContentType,
            Bytes = response.Body.Length,
            Elapsed = elapsed,
            TimeToFirstByte = response.TimeToFirstByte,
            Depth = item.Depth,
            Error = error,
            Outcome = response.Status == 0 ? FetchOutcome.Unreachable : FetchOutcome.Fetched,
            RobotsHeader = response.RobotsHeader,
            Headers = response.Headers,
            Html = isHtml ? run.Parser.Parse(final, response.Body, response.Charset) : null,
        };
    }

    private static void Discover(CrawlRun run, PageSnapshot snapshot)
    {
        if (snapshot.Redirects.Count > 0 && snapshot.Error is null)
        {
            // The redirect target is a page of its own, read once under its own URL.
            run.Frontier.TryAdd(snapshot.FinalUrl, snapshot.Depth, PageKind.Document);
        }

        if (snapshot.Html is not { } html)
        {
            return;
        }

        if (run.Options.CheckResources)
        {
            foreach (var resource in html.Resources)
            {
                run.Frontier.TryAdd(resource, snapshot.Depth, PageKind.Resource);
            }
        }

        if (snapshot.Depth >= run.Options.MaxDepth)
        {
            return;
        }

        var depth = snapshot.Depth < 0 ? -1 : snapshot.Depth + 1;
        foreach (var link in html.Links)
        {
            if (link.Target is { } target)
            {
                run.Frontier.TryAdd(target, depth, PageKind.Document);
            }
        }

        if (html.Canonical is { } canonical)
        {
            run.Frontier.TryAdd(canonical, depth, PageKind.Document);
        }

        foreach (var alternate in html.Hreflang.Select(h => h.Url))
        {
            run.Frontier.TryAdd(alternate, depth, PageKind.Document);
        }
    }

    private static bool IsHtml(string? contentType) =>
        contentType is "text/html" or "application/xhtml+xml";

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static IEnumerable<Uri> SitemapAddresses(Uri start, RobotsRules robots)
    {
        var named = robots.Sitemaps
            .Select(s => Uri.TryCreate(start, s, out var url) ? url : null)
            .OfType<Uri>()
            .ToList();
        // A sitemap robots.txt names is meant for crawlers; the usual address is only guessed when allowed.
        var usual = new Uri(start, "/sitemap.xml");
        return named.Count > 0 ? named : robots.IsAllowed(usual) ? [usual] : [];
    }

    private async Task<RobotsRules> ReadRobotsAsync(
        Uri start, CrawlOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var response = await _fetcher.FetchAsync(new Uri(start, "/robots.txt"), MaxRobotsBytes, timeout.Token);
            if (response.Status == 200)
            {
                if (response.Truncated)
                {
                    notes.Add("robots.txt is larger than 500 KB; like Google, FunnelOps read only its first 500 KB.");
                }

                return RobotsRules.Parse(Encoding.UTF8.GetString(response.Body.Span));
            }

            if (response.Status >= 500 || response.Status == 0)
            {
                var answer = response.Status == 0 ? "the server did not answer" : $"status {response.Status}";
                notes.Add($"robots.txt could not be read ({answer}), so the whole site was crawled " +
                    "as if it allowed everything. Search engines stop crawling a site whose robots.txt fails: fix it first.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notes.Add("robots.txt did not answer in time, so the whole site was crawled as if it allowed everything.");
        }

        return RobotsRules.AllowAll;
    }

    private sealed class CrawlRun
    {
        private readonly IProgress<CrawlProgress>? _progress;
        private readonly TimeProvider _time;
        private long _lastReport;

        public CrawlRun(CrawlOptions options, CrawlScope scope, UrlNormalizer normalizer, RobotsRules robots,
            IReadOnlySet<Uri> sitemapUrls, IProgress<CrawlProgress>? progress, TimeProvider time)
        {
            Options = options;
            Scope = scope;
            Normalizer = normalizer;
            Robots = robots;
            SitemapUrls = sitemapUrls;
            Parser = new PageParser(options.Probes, normalizer);
            Frontier = new CrawlFrontier(options, scope, robots, sitemapUrls, Snapshots);
            _progress = progress;
            _time = time;
        }

        public CrawlOptions Options { get; }
        public CrawlScope Scope { get; }
        public UrlNormalizer Normalizer { get; }
        public RobotsRules Robots { get; }
        public IReadOnlySet<Uri> SitemapUrls { get; }
        public PageParser Parser { get; }
        public CrawlFrontier Frontier { get; }
        public ConcurrentDictionary<Uri, PageSnapshot> Snapshots { get; } = new();
#pragma warning disable CA1051 // A counter updated with Interlocked needs a field, not a property.
        public int Errors;
#pragma warning restore CA1051

        public void Report()
        {
            if (_progress is null)
            {
                return;
            }

            var now = _time.GetTimestamp();
            var last = Interlocked.Read(ref _lastReport);
            if (_time.GetElapsedTime(last, now) < TimeSpan.FromMilliseconds(250) ||
                Interlocked.CompareExchange(ref _lastReport, now, last) != last)
            {
                return;
            }

            _progress.Report(new CrawlProgress(Snapshots.Count, Frontier.Pending, Volatile.Read(ref Errors)));
        }
    }
}
