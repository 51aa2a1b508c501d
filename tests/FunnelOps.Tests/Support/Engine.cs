using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelOps.Tests.Support;

/// <summary>The engine's real parts, wired the way the worker wires them.</summary>
public static class Engine
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddLogging()
        .AddFunnelOpsCrawler()
        .BuildServiceProvider();

    /// <summary>The crawler as the worker builds it: pooled client, retries, the real fetcher.</summary>
    public static SiteCrawler Crawler() => Services.GetRequiredService<SiteCrawler>();

    /// <summary>The fetcher behind <see cref="Crawler"/>.</summary>
    public static IPageFetcher Fetcher() => Services.GetRequiredService<IPageFetcher>();

    public static Task<CrawlResult> CrawlAsync(Uri start, params string[] probes) =>
        Crawler().CrawlAsync(new CrawlOptions { StartUrl = start, Probes = probes }, null, CancellationToken.None);


    public static PlaybookLoader PlaybookLoader() => new(FixPlanner.BuiltInKinds);

    /// <summary>The repository's built-in playbooks, as copied beside the test assembly.</summary>
    public static string BuiltInPlaybooks => Path.Combine(AppContext.BaseDirectory, "playbooks");

    /// <summary>The sample site's files, as copied beside the test assembly.</summary>
    public static string SampleSite => Path.Combine(AppContext.BaseDirectory, "SampleSite", "site");

    /// <summary>The sample site's manifest of pages and planted defects.</summary>
    public static string SampleManifest => Path.Combine(AppContext.BaseDirectory, "SampleSite", "defects.yml");

}
