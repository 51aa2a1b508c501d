namespace FunnelOps.GitHubEmulator;

/// <summary>An issue (not a pull request) as the emulator holds it at the moment it was read.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its body, if any.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="Author">The login that opened it.</param>
/// <param name="Labels">The names of its labels.</param>
/// <param name="Assignees">The logins assigned.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="ClosedAt">When it was closed.</param>
public sealed record IssueSnapshot(
    int Number,
    string Title,
    string? Body,
    string State,
    string Author,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Assignees,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt);
