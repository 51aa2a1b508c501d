using System.Diagnostics;
using System.Globalization;
using FunnelOps.Crawling;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>
/// The <c>crawl</c> command: one crawl with the engine's own crawler, fetcher and HTTP settings,
/// wired as the worker wires them, then one line of figures.
/// </summary>
internal static class CrawlCommand
{
    public static async Task<int> RunAsync(Uri start, Arguments options)
    {
        // Wired as the worker wires it: pooled client, retries, the real fetcher.
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddFunnelOpsCrawler()
            .BuildServiceProvider();
        var crawler = services.GetRequiredService<SiteCrawler>();
        var concurrency = options.Int("concurrency", 8);
        var crawlOptions = new CrawlOptions
        {
            StartUrl = start,
            MaxPages = options.Int("max-pages", 20_000),
            MaxDepth = 100,
            Concurrency = concurrency,
            PerHostConcurrency = concurrency,
        };

        var before = ProcessFigures.Now();
        var clock = Stopwatch.StartNew();
        var result = await crawler.CrawlAsync(crawlOptions, progress: null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = ProcessFigures.PeakResidentMegabytes();

        var pages = result.Pages.Count();
        var errors = result.Snapshots.Concat(result.Resources).Count(s => s.Error is not null || s.Status >= 400);
        var links = result.Snapshots.Sum(s => s.Html?.Links.Count ?? 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"funnelops pages={pages} urls={result.Snapshots.Count} resources={result.Resources.Count} errors={errors} " +
            $"seconds={seconds:0.00} " +
            $"pages_per_second={pages / seconds:0} peak_rss_mb={peak:0}"));

        // The snapshots alone, after a full collection: what a 10,000-page result costs to keep.
        var details = before.Since(pages, "page");
        var retained = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"funnelops_detail links={links} {details} retained_heap_mb={retained:0} " +
            $"gc_mode={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}"));
        foreach (var note in result.Notes)
        {
            Console.WriteLine($"funnelops_note {note}");
        }

        // Time to take a heap snapshot of the result (dotnet-gcdump collect -p PID) before it goes.
        var hold = options.Int("hold-seconds", 0);
        if (hold > 0)
        {
            Console.WriteLine($"funnelops_hold pid={Environment.ProcessId} seconds={hold}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        GC.KeepAlive(result);
        return pages > 0 ? 0 : 1;
    }
}
