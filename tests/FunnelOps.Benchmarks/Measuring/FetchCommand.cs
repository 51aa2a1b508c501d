using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FunnelOps.Crawling;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>
/// The <c>fetch</c> command: every page of the site's sitemap fetched through the engine's
/// <see cref="HttpPageFetcher"/> with the crawl's concurrency, and nothing parsed. Compared with
/// <c>crawl</c>, it shows what share of a crawl is HTTP.
/// </summary>
internal static partial class FetchCommand
{
    public static async Task<int> RunAsync(Uri site, Arguments options)
    {
        using var client = new HttpClient(HttpPageFetcher.ConfigureHandler());
        HttpPageFetcher.ConfigureClient(client);
        var fetcher = new HttpPageFetcher(client);

        // The sitemap names the production origin, as a staging copy's would: keep the paths only.
        var sitemap = await fetcher.FetchAsync(new Uri(site, "/sitemap.xml"), 64 * 1024 * 1024, CancellationToken.None);
        var urls = Location().Matches(Encoding.UTF8.GetString(sitemap.Body.Span))
            .Select(m => new Uri(site, new Uri(m.Groups[1].Value).PathAndQuery))
            .ToList();

        var before = ProcessFigures.Now();
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Int("concurrency", 8) };
        await Parallel.ForEachAsync(urls, parallel, async (url, cancellationToken) =>
        {
            var response = await fetcher.FetchAsync(url, 5 * 1024 * 1024, cancellationToken);
            Interlocked.Add(ref bytes, response.Body.Length);
            if (response.Status != 200)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fetch urls={urls.Count} failures={failures} megabytes={bytes / 1e6:0} seconds={seconds:0.00} " +
            $"urls_per_second={urls.Count / seconds:0} {before.Since(urls.Count, "url")} " +
            $"peak_rss_mb={ProcessFigures.PeakResidentMegabytes():0}"));
        return failures == 0 && urls.Count > 0 ? 0 : 1;
    }

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex Location();
}
