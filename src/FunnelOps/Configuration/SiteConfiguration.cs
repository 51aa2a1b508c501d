using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Prioritization;

namespace FunnelOps.Configuration;

/// <summary>A team's settings for its site, read from <c>.funnelops/config.yml</c> in the site repository.</summary>
public sealed record SiteConfiguration
{
    /// <summary>The settings used when there is no file: the documented defaults.</summary>
    public static SiteConfiguration Default { get; } = new();

    /// <summary>The funnel's numbers behind every impact figure.</summary>
    public Economics Economics { get; init; } = new();

    /// <summary>Stage rules applied before the heuristics, in order.</summary>
    public IReadOnlyList<StageRule> StageRules { get; init; } = [];

    /// <summary>The time zone whose weeks set the cadence.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The most URLs a crawl reads, when the command line does not say.</summary>
    public int? MaxPages { get; init; }

    /// <summary>The rules for automatic fixes: protected paths, the largest diff, source patterns, the build.</summary>
    public Fixes.FixSettings Fixes { get; init; } = FunnelOps.Fixes.FixSettings.Default;

    /// <summary>The team's exports (analytics, Search Console, ads) to read signals from.</summary>
    public IReadOnlyList<Signals.SignalSource> Signals { get; init; } = [];

    /// <summary>The phone, throttling, pages at once, time per page and sampling of the render stage.</summary>
    public Rendering.RenderSettings Render { get; init; } = Rendering.RenderSettings.Default;

    /// <summary>How pull requests are opened on GitHub (the <c>github:</c> block).</summary>
    public Publishing.GitHubConfiguration GitHub { get; init; } = Publishing.GitHubConfiguration.Default;

    /// <summary>
    /// Applies the crawl settings of the file to the crawl options: scope, limits,
    /// normalisation. Settings the file does not mention keep their values.
    /// </summary>
    public Func<CrawlOptions, CrawlOptions> Crawl { get; init; } = options => options;
}
