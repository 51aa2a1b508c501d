namespace FunnelOps.Publishing;

/// <summary>
/// The code host (GitHub or GitHub Enterprise) as FunnelOps uses it: its pull requests, the backlog issue and
/// comments. The one real implementation uses Octokit; every call retries rate limits and server errors itself.
/// </summary>
public interface ICodeHost
{
    /// <summary>The repository's default branch.</summary>
    Task<string> DefaultBranchAsync(CancellationToken cancellationToken);

    /// <summary>Every pull request, open or closed, whose branch starts with <see cref="ChangeNaming.BranchPrefix"/>.</summary>
    Task<IReadOnlyList<HostedPullRequest>> ListChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The pull request of <paramref name="branch"/>, open or closed, or null. A pull request opened a moment ago
    /// can be missing from GitHub's listings for a short while, so <paramref name="expectOne"/> asks to look again.
    /// </summary>
    Task<HostedPullRequest?> FindPullRequestAsync(string branch, bool expectOne, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a pull request with its labels (created when missing), reviewers and assignees. When GitHub answers
    /// that one already exists for the branch, that one is returned.
    /// </summary>
    Task<HostedPullRequest> OpenPullRequestAsync(PullRequestOpening opening, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="labels"/> (created when missing) to a pull request.</summary>
    Task LabelAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    /// <summary>Replaces a pull request's title and body.</summary>
    Task UpdatePullRequestAsync(int number, string title, string body, CancellationToken cancellationToken);

    /// <summary>Comments on an issue or pull request.</summary>
    Task CommentAsync(int number, string body, CancellationToken cancellationToken);

    /// <summary>True when a comment on the issue or pull request contains <paramref name="marker"/>.</summary>
    Task<bool> HasCommentAsync(int number, string marker, CancellationToken cancellationToken);

    /// <summary>The open issue with <paramref name="label"/> whose body contains <paramref name="marker"/>, or null.</summary>
    Task<HostedIssue?> FindIssueAsync(string label, string marker, CancellationToken cancellationToken);

    /// <summary>Opens an issue with <paramref name="labels"/> (created when missing).</summary>
    Task<HostedIssue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels,
        CancellationToken cancellationToken);

    /// <summary>Replaces an issue's body.</summary>
    Task UpdateIssueAsync(int number, string body, CancellationToken cancellationToken);
}
