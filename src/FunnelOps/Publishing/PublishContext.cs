using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Rendering;

namespace FunnelOps.Publishing;

/// <summary>What publishing a fix needs to know about the run.</summary>
/// <param name="Week">The week of the run.</param>
/// <param name="Backlog">The ranked backlog, for the PR's "also considered" list.</param>
/// <param name="Findings">Every finding before the fix, for verification.</param>
/// <param name="Renders">The renders before the fix, for verification.</param>
/// <param name="CrawlOptions">The crawl settings, reused to re-read the patched pages.</param>
/// <param name="Economics">The funnel numbers, for the impact explanation.</param>
/// <param name="DryRun">True to prepare and verify the change without committing it.</param>
public sealed record PublishContext(
    Week Week,
    IReadOnlyList<BacklogItem> Backlog,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<Uri, RenderResult> Renders,
    CrawlOptions CrawlOptions,
    Economics Economics,
    bool DryRun)
{
    /// <summary>Earlier outcomes, history and the figures before the change, told in the pull request.</summary>
    public PullRequestStory Story { get; init; } = PullRequestStory.None;
}
