namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>The pull-request part of an <see cref="IssueRecord"/>.</summary>
internal sealed class PullRecord
{
    public required long Id { get; init; }

    public required string HeadRef { get; init; }

    /// <summary>The owner of the fork the head branch lives in, or null for a branch of this repository.</summary>
    public string? ForkOwner { get; init; }

    /// <summary>The head commit when the pull request closed; while open the branch tip is read live.</summary>
    public string HeadSha { get; set; } = "";

    public required string BaseRef { get; set; }

    public bool Draft { get; init; }

    public bool MaintainerCanModify { get; init; }

    public bool Merged { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    public string? MergeCommitSha { get; set; }

    public UserRecord? MergedBy { get; set; }

    public List<string> RequestedReviewers { get; } = [];
}
