using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FunnelOps.Crawling;

/// <summary>
/// Crawls one site breadth first within its origin: follows redirects itself, recording each
/// hop; parses every HTML page once; keeps snapshots, never bodies.
/// </summary>
public sealed class SiteCrawler
{
    private const long MaxRobotsBytes = 512 * 1024;

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
        var start = CrawlScope.Normalize(options.StartUrl);
        var run = new CrawlRun(options, new CrawlScope(start), new PageParser(options.Probes), progress);
        CrawlLog.Started(_logger, start, options.MaxPages);

        run.Robots = await ReadRobotsAsync(start, options, run.Notes, cancellationToken);
        run.TryEnqueue(start, depth: 0);
        var workers = Enumerable.Range(0, Math.Max(1, options.Concurrency))
            .Select(_ => WorkAsync(run, cancellationToken));
        await Task.WhenAll(workers);

        if (run.LimitReached)
        {
            run.Notes.Enqueue($"The crawl stopped at its limit of {options.MaxPages} URLs; some pages were not read.");
        }

        CrawlLog.Finished(_logger, run.Snapshots.Count, run.Errors);
        return new CrawlResult(start, run.Snapshots.Values, [.. run.Notes]);
    }

    private async Task WorkAsync(CrawlRun run, CancellationToken cancellationToken)
    {
        await foreach (var (url, depth) in run.Queue.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                var snapshot = await VisitAsync(run, url, depth, cancellationToken);
                run.Snapshots[url] = snapshot;
                if (snapshot.Error is not null || snapshot.Status >= 400)
                {
                    Interlocked.Increment(ref run.Errors);
                }

                EnqueueLinks(run, snapshot);
                run.Report(_time);
            }
            finally
            {
                run.Complete();
            }
        }
    }

    private async Task<PageSnapshot> VisitAsync(CrawlRun run, Uri url, int depth, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(run.Options.RequestTimeout);

        var hops = new List<RedirectHop>();
        var current = url;
        try
        {
            while (true)
            {
                var response = await _fetcher.FetchAsync(current, run.Options.MaxBodyBytes, timeout.Token);
                var next = response.Status is >= 300 and < 400 ? CrawlScope.Resolve(current, response.Location) : null;
                if (next is null)
                {
                    return Snapshot(run, url, depth, hops, response, current, _time.GetElapsedTime(started));
                }

                hops.Add(new RedirectHop(current, next, response.Status));
                var refusal = RefuseHop(run, hops, next);
                if (refusal is not null)
                {
                    return new PageSnapshot
                    {
                        Url = url,
                        Status = response.Status,
                        Redirects = hops,
                        Depth = depth,
                        Error = refusal,
                        Elapsed = _time.GetElapsedTime(started),
                    };
                }

                current = next;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            CrawlLog.TimedOut(_logger, url);
            return new PageSnapshot
            {
                Url = url,
                Status = 0,
                Redirects = hops,
                Depth = depth,
                Elapsed = _time.GetElapsedTime(started),
                Error = $"No complete answer within {run.Options.RequestTimeout.TotalSeconds:0} seconds.",
            };
        }
    }

    private static string? RefuseHop(CrawlRun run, List<RedirectHop> hops, Uri next)
    {
        if (!run.Scope.Contains(next))
        {
            // Recorded, not fetched: a redirect must not steer the crawl off the site.
            return $"Redirects to {next.Host}, outside the crawled site; not followed.";
        }

        if (hops.Take(hops.Count - 1).Any(h => h.From == next) || hops[0].From == next)
        {
            return "Redirect loop: the chain returns to a URL it already visited.";
        }

        return hops.Count > run.Options.MaxRedirects
            ? $"More than {run.Options.MaxRedirects} redirects in a row; the chain was cut."
            : null;
    }

    private static PageSnapshot Snapshot(
        CrawlRun run, Uri url, int depth, List<RedirectHop> hops, FetchResponse response, Uri final, TimeSpan elapsed)
    {
        var isHtml = response.Status == 200 && hops.Count == 0 && IsHtml(response.ContentType);
        var error = response.Error ??
            (response.Truncated ? $"Larger than {run.Options.MaxBodyBytes / 1024 / 1024} MB; only the start was read." : null);
        return new PageSnapshot
        {
            Url = url,
            Status = response.Status,
            Redirects = hops,
            ContentType = response.ContentType,
            Bytes = response.Body.Length,
            Elapsed = elapsed,
            Depth = depth,
            Error = error,
            RobotsHeader = response.RobotsHeader,
            Html = isHtml ? run.Parser.Parse(final, response.Body, response.Charset) : null,
        };
    }

    private static void EnqueueLinks(CrawlRun run, PageSnapshot snapshot)
    {
        if (snapshot.Redirects.Count > 0 && snapshot.Error is null)
        {
            // The redirect target is a page of its own, read once under its own URL.
            run.TryEnqueue(snapshot.FinalUrl, snapshot.Depth);
        }

        if (snapshot.Html is null || snapshot.Depth >= run.Options.MaxDepth)
        {
            return;
        }

        foreach (var link in snapshot.Html.Links)
        {
            if (link.Target is { } target && run.Scope.Contains(target))
            {
                run.TryEnqueue(target, snapshot.Depth + 1);
            }
        }
    }

    private static bool IsHtml(string? contentType) =>
        contentType is "text/html" or "application/xhtml+xml";

    private async Task<RobotsRules> ReadRobotsAsync(
        Uri start, CrawlOptions options, ConcurrentQueue<string> notes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var response = await _fetcher.FetchAsync(new Uri(start, "/robots.txt"), MaxRobotsBytes, timeout.Token);
            if (response.Status == 200)
            {
                return RobotsRules.Parse(Encoding.UTF8.GetString(response.Body.Span));
            }

            if (response.Status >= 500 || response.Status == 0)
            {
                notes.Enqueue("robots.txt could not be read, so the whole site was crawled as if it allowed everything.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notes.Enqueue("robots.txt did not answer in time, so the whole site was crawled.");
        }

        return RobotsRules.AllowAll;
    }

    private sealed class CrawlRun(CrawlOptions options, CrawlScope scope, PageParser parser, IProgress<CrawlProgress>? progress)
    {
        private readonly ConcurrentDictionary<Uri, byte> _seen = new();
        private int _pending;
        private int _done;
        private long _lastReport;

        public CrawlOptions Options { get; } = options;
        public CrawlScope Scope { get; } = scope;
        public PageParser Parser { get; } = parser;
        public RobotsRules Robots { get; set; } = RobotsRules.AllowAll;
        public Channel<(Uri Url, int Depth)> Queue { get; } = Channel.CreateUnbounded<(Uri, int)>();
        public ConcurrentDictionary<Uri, PageSnapshot> Snapshots { get; } = new();
        public ConcurrentQueue<string> Notes { get; } = new();
        public bool LimitReached { get; private set; }
#pragma warning disable CA1051 // A counter updated with Interlocked needs a field, not a property.
        public int Errors;
#pragma warning restore CA1051

        public void TryEnqueue(Uri url, int depth)
        {
            if (!_seen.TryAdd(url, 0))
            {
                return;
            }

            if (!Robots.IsAllowed(url))
            {
                // Recorded so reports can show it, never fetched.
                Snapshots[url] = new PageSnapshot
                {
                    Url = url,
                    Status = 0,
                    Depth = depth,
                    Error = "robots.txt asks crawlers not to read this URL.",
                };
                return;
            }

            if (_seen.Count > Options.MaxPages)
            {
                LimitReached = true;
                return;
            }

            Interlocked.Increment(ref _pending);
            Queue.Writer.TryWrite((url, depth));
        }

        public void Complete()
        {
            Interlocked.Increment(ref _done);
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                Queue.Writer.TryComplete();
            }
        }

        public void Report(TimeProvider time)
        {
            if (progress is null)
            {
                return;
            }

            var now = time.GetTimestamp();
            var last = Interlocked.Read(ref _lastReport);
            if (time.GetElapsedTime(last, now) < TimeSpan.FromMilliseconds(250) ||
                Interlocked.CompareExchange(ref _lastReport, now, last) != last)
            {
                return;
            }

            progress.Report(new CrawlProgress(_done, Volatile.Read(ref _pending), Volatile.Read(ref Errors)));
        }
    }
}
