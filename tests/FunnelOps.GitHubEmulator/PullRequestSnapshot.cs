namespace FunnelOps.GitHubEmulator;

/// <summary>A pull request as the emulator holds it at the moment it was read.</summary>
/// <param name="Number">Its number (shared with issues, as on GitHub).</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its body, if any.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="Merged">Whether it was merged.</param>
/// <param name="HeadRef">The branch it proposes.</param>
/// <param name="HeadSha">The head commit (the branch tip while open).</param>
/// <param name="BaseRef">The branch it targets.</param>
/// <param name="MergeCommitSha">The commit its merge created, once merged.</param>
/// <param name="Author">The login that opened it.</param>
/// <param name="Labels">The names of its labels.</param>
/// <param name="RequestedReviewers">The logins asked to review.</param>
/// <param name="Assignees">The logins assigned.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="ClosedAt">When it was closed or merged.</param>
/// <param name="MergedAt">When it was merged.</param>
public sealed record PullRequestSnapshot(
    int Number,
    string Title,
    string? Body,
    string State,
    bool Merged,
    string HeadRef,
    string HeadSha,
    string BaseRef,
    string? MergeCommitSha,
    string Author,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> RequestedReviewers,
    IReadOnlyList<string> Assignees,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? MergedAt);
