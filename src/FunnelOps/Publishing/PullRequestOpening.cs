namespace FunnelOps.Publishing;

/// <summary>A pull request to open.</summary>
/// <param name="Title">One line, plain text.</param>
/// <param name="Body">Markdown.</param>
/// <param name="Branch">The branch it proposes.</param>
/// <param name="BaseBranch">The branch it targets.</param>
/// <param name="Labels">Labels to add (created when missing).</param>
/// <param name="Reviewers">Logins to ask for a review.</param>
/// <param name="Assignees">Logins to assign.</param>
public sealed record PullRequestOpening(
    string Title, string Body, string Branch, string BaseBranch, IReadOnlyList<string> Labels,
    IReadOnlyList<string> Reviewers, IReadOnlyList<string> Assignees);
