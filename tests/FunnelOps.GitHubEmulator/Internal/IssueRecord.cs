namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>An issue or pull request; GitHub numbers both from one sequence and a pull request is also an issue.</summary>
internal sealed class IssueRecord
{
    public required int Number { get; init; }

    public required long Id { get; init; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string State { get; set; } = "open";

    public string? StateReason { get; set; }

    public required UserRecord Author { get; init; }

    public List<string> Labels { get; } = [];

    public List<string> Assignees { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public UserRecord? ClosedBy { get; set; }

    /// <summary>Set when this issue is a pull request.</summary>
    public PullRecord? Pull { get; init; }
}
