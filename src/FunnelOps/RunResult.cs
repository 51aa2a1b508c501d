using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Rendering;
using FunnelOps.Verification;

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

    /// <summary>Things the person running FunnelOps should know, such as a missing browser.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>The change that ships a fix: branch, commit, diff, verification and PR text.</summary>
/// <param name="Fix">The fix.</param>
/// <param name="Verification">What re-checking the patched pages showed.</param>
/// <param name="Branch">The branch, or null when nothing was committed.</param>
/// <param name="CommitId">The commit, or null when nothing was committed.</param>
/// <param name="Diff">The unified diff of the edit.</param>
/// <param name="PullRequest">The PR text, or null when verification failed.</param>
public sealed record ChangeResult(
    Fix Fix, VerificationResult Verification, string? Branch, string? CommitId, string Diff, PullRequestText? PullRequest);
