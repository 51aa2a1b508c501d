namespace FunnelOps.GitHubEmulator;

/// <summary>A comment on an issue or pull request.</summary>
/// <param name="Id">Its id.</param>
/// <param name="IssueNumber">The issue or pull request it is on.</param>
/// <param name="Author">The login that wrote it.</param>
/// <param name="Body">Its text.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="UpdatedAt">When it was last edited.</param>
public sealed record CommentSnapshot(
    long Id, int IssueNumber, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
