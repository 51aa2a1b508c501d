namespace FunnelOps.GitHubEmulator;

/// <summary>
/// Route keys ("METHOD template") the emulator serves, named as in GitHub's OpenAPI description. Failure
/// injection and the request log use them; <see cref="Any"/> matches every request, REST or Git.
/// </summary>
public static class GitHubRoutes
{
    /// <summary>Every request, REST or Git.</summary>
    public const string Any = "*";

    /// <summary>Rate-limit status.</summary>
    public const string RateLimit = "GET /rate_limit";

    /// <summary>The authenticated user.</summary>
    public const string CurrentUser = "GET /user";

    /// <summary>Get the repository (its default branch).</summary>
    public const string GetRepository = "GET /repos/{owner}/{repo}";

    /// <summary>List branches.</summary>
    public const string ListBranches = "GET /repos/{owner}/{repo}/branches";

    /// <summary>Get one branch.</summary>
    public const string GetBranch = "GET /repos/{owner}/{repo}/branches/{branch}";

    /// <summary>Get one reference, such as <c>heads/main</c>.</summary>
    public const string GetReference = "GET /repos/{owner}/{repo}/git/ref/{ref}";

    /// <summary>List references starting with a prefix, such as <c>heads/funnelops/</c>.</summary>
    public const string ListMatchingReferences = "GET /repos/{owner}/{repo}/git/matching-refs/{ref}";

    /// <summary>Delete a reference (a branch).</summary>
    public const string DeleteReference = "DELETE /repos/{owner}/{repo}/git/refs/{ref}";

    /// <summary>List pull requests.</summary>
    public const string ListPullRequests = "GET /repos/{owner}/{repo}/pulls";

    /// <summary>Open a pull request.</summary>
    public const string CreatePullRequest = "POST /repos/{owner}/{repo}/pulls";

    /// <summary>Get one pull request.</summary>
    public const string GetPullRequest = "GET /repos/{owner}/{repo}/pulls/{pull_number}";

    /// <summary>Update a pull request (title, body, state, base).</summary>
    public const string UpdatePullRequest = "PATCH /repos/{owner}/{repo}/pulls/{pull_number}";

    /// <summary>Merge a pull request.</summary>
    public const string MergePullRequest = "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge";

    /// <summary>Whether a pull request was merged (204 or 404).</summary>
    public const string CheckPullRequestMerged = "GET /repos/{owner}/{repo}/pulls/{pull_number}/merge";

    /// <summary>Request reviewers on a pull request.</summary>
    public const string RequestReviewers = "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers";

    /// <summary>List the requested reviewers of a pull request.</summary>
    public const string ListRequestedReviewers = "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers";

    /// <summary>List issues (pull requests included, as on GitHub).</summary>
    public const string ListIssues = "GET /repos/{owner}/{repo}/issues";

    /// <summary>Open an issue.</summary>
    public const string CreateIssue = "POST /repos/{owner}/{repo}/issues";

    /// <summary>Get one issue.</summary>
    public const string GetIssue = "GET /repos/{owner}/{repo}/issues/{issue_number}";

    /// <summary>Update an issue (title, body, state, labels, assignees).</summary>
    public const string UpdateIssue = "PATCH /repos/{owner}/{repo}/issues/{issue_number}";

    /// <summary>List the comments on an issue or pull request.</summary>
    public const string ListComments = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";

    /// <summary>Comment on an issue or pull request.</summary>
    public const string CreateComment = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";

    /// <summary>Get one comment.</summary>
    public const string GetComment = "GET /repos/{owner}/{repo}/issues/comments/{comment_id}";

    /// <summary>Edit one comment.</summary>
    public const string UpdateComment = "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}";

    /// <summary>Add assignees to an issue or pull request.</summary>
    public const string AddAssignees = "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees";

    /// <summary>List the repository's labels.</summary>
    public const string ListLabels = "GET /repos/{owner}/{repo}/labels";

    /// <summary>Create a label (422 when it exists).</summary>
    public const string CreateLabel = "POST /repos/{owner}/{repo}/labels";

    /// <summary>Get one label by name.</summary>
    public const string GetLabel = "GET /repos/{owner}/{repo}/labels/{name}";

    /// <summary>List the labels on an issue or pull request.</summary>
    public const string ListIssueLabels = "GET /repos/{owner}/{repo}/issues/{issue_number}/labels";

    /// <summary>Add labels to an issue or pull request.</summary>
    public const string AddIssueLabels = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels";

    /// <summary>Remove one label from an issue or pull request.</summary>
    public const string RemoveIssueLabel = "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}";

    /// <summary>Git: advertise references (clone, fetch and push all start here).</summary>
    public const string GitInfoRefs = "GET /{owner}/{repo}.git/info/refs";

    /// <summary>Git: fetch or clone.</summary>
    public const string GitUploadPack = "POST /{owner}/{repo}.git/git-upload-pack";

    /// <summary>Git: push.</summary>
    public const string GitReceivePack = "POST /{owner}/{repo}.git/git-receive-pack";
}
