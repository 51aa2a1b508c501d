using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Prioritization;
using FunnelOps.Signals;

namespace FunnelOps;

/// <summary>What one weekly run should do.</summary>
public sealed record RunRequest
{
    /// <summary>The site to crawl.</summary>
    public required Uri Site { get; init; }

    /// <summary>The site repository's working tree; null to audit without fixing.</summary>
    public string? RepositoryPath { get; init; }

    /// <summary>When true, the fix is prepared and verified but nothing is committed.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where reports are written.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Which pages to render in the browser.</summary>
    public RenderMode Render { get; init; } = RenderMode.Sample;

    /// <summary>A browser executable to use instead of looking for one.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>The phone, throttling, pages at once and sampling of the render stage.</summary>
    public Rendering.RenderSettings RenderSettings { get; init; } = Rendering.RenderSettings.Default;

    /// <summary>Render settings given on the command line, applied over <see cref="RenderSettings"/>.</summary>
    public Func<Rendering.RenderSettings, Rendering.RenderSettings> RenderOverrides { get; init; } = settings => settings;

    /// <summary>Playbook files or folders.</summary>
    public required IReadOnlyList<string> PlaybookPaths { get; init; }

    /// <summary>The team's funnel numbers.</summary>
    public Economics Economics { get; init; } = new();

    /// <summary>Configured stage rules, applied before the heuristics.</summary>
    public IReadOnlyList<StageRule> StageRules { get; init; } = [];

    /// <summary>The most URLs the crawl reads.</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Adjusts the crawl settings, for example from the configuration file.</summary>
    public Func<CrawlOptions, CrawlOptions> ConfigureCrawl { get; init; } = options => options;

    /// <summary>The time zone whose weeks set the cadence.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The team's analytics, search and ads figures per page; none by default.</summary>
    public SiteSignals Signals { get; init; } = SiteSignals.None;

    /// <summary>Measured outcomes of past changes, from which each playbook's confidence is learned.</summary>
    public IReadOnlyList<OutcomeRecord> PastOutcomes { get; init; } = [];

    /// <summary>
    /// The state file of local runs; null for the default, <c>.git/funnelops/state.json</c> in the site repository.
    /// </summary>
    public string? StatePath { get; init; }

    /// <summary>The weekly cadence of local runs (GitHub runs take theirs from <see cref="GitHub"/>).</summary>
    public Publishing.ChangeCadence Cadence { get; init; } = Publishing.ChangeCadence.Default;

    /// <summary>Publish the change as a GitHub pull request (cloning the site repository) instead of locally.</summary>
    public Publishing.GitHubPublishing? GitHub { get; init; }

    /// <summary>The team's rules for automatic fixes, from the configuration file.</summary>
    public Fixes.FixSettings Fixes { get; init; } = FunnelOps.Fixes.FixSettings.Default;
}
