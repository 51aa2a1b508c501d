using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Support;

/// <summary>The engine's real parts, wired the way the worker wires them.</summary>
public static class Engine
{
    private static readonly HttpClient Client = CreateClient();

    public static SiteCrawler Crawler() =>
        new(new HttpPageFetcher(Client), NullLogger<SiteCrawler>.Instance, TimeProvider.System);

    public static Task<CrawlResult> CrawlAsync(Uri start, params string[] probes) =>
        Crawler().CrawlAsync(new CrawlOptions { StartUrl = start, Probes = probes }, null, CancellationToken.None);

    public static PlaybookLoader PlaybookLoader() => new(FixPlanner.BuiltInKinds);

    /// <summary>The repository's built-in playbooks, as copied beside the test assembly.</summary>
    public static string BuiltInPlaybooks => Path.Combine(AppContext.BaseDirectory, "playbooks");

    /// <summary>The sample site's files, as copied beside the test assembly.</summary>
    public static string SampleSite => Path.Combine(AppContext.BaseDirectory, "SampleSite", "site");

    /// <summary>The sample site's manifest of pages and planted defects.</summary>
    public static string SampleManifest => Path.Combine(AppContext.BaseDirectory, "SampleSite", "defects.yml");

    private static HttpClient CreateClient()
    {
        var client = new HttpClient(HttpPageFetcher.ConfigureHandler());
        HttpPageFetcher.ConfigureClient(client);
        return client;
    }
}
