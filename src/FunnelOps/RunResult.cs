using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Rendering;

namespace FunnelOps;

/// <summary>Everything one weekly run produced.</summary>
public sealed record RunResult
{
    /// <summary>The week the run belongs to.</summary>
    public required Week Week { get; init; }

    /// <summary>The crawl.</summary>
    public required CrawlResult Crawl { get; init; }

    /// <summary>The stage of every page.</summary>
    public required IReadOnlyDictionary<Uri, PageStage> Stages { get; init; }

    /// <summary>The renders, by page.</summary>
    public required IReadOnlyDictionary<Uri, RenderResult> Renders { get; init; }

    /// <summary>Every finding, unranked.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The ranked backlog.</summary>
    public required IReadOnlyList<BacklogItem> Backlog { get; init; }

    /// <summary>The fix chosen this week, with the items passed over; null when no repository was given.</summary>
    public FixPlan? Plan { get; init; }

    /// <summary>The change shipped (or, in a dry run, prepared) this week, when any.</summary>
    public ChangeResult? Change { get; init; }

    /// <summary>What publishing to GitHub did: the pull request, the backlog issue, outcomes measured.</summary>
    public GitHubPublication? Publication { get; init; }

    /// <summary>Things the person running FunnelOps should know, such as a missing browser.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
