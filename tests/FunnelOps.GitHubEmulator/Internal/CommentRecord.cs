namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>A comment on an issue or pull request.</summary>
internal sealed class CommentRecord
{
    public required long Id { get; init; }

    public required int IssueNumber { get; init; }

    public required UserRecord Author { get; init; }

    public required string Body { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
