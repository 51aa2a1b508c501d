using Microsoft.Extensions.Logging;
using Octokit;

namespace FunnelOps.Publishing;

/// <summary>GitHub or GitHub Enterprise through Octokit, with every call retried by <see cref="GitHubRetry"/>.</summary>
public sealed class OctokitCodeHost : ICodeHost
{
    private readonly GitHubClient _client;
    private readonly string _owner;
    private readonly string _name;
    private readonly GitHubRetry _retry;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the host for <paramref name="owner"/>/<paramref name="name"/> at <paramref name="apiUrl"/>
    /// (<c>https://api.github.com/</c>, or an Enterprise server's address).
    /// </summary>
    public OctokitCodeHost(Uri apiUrl, string token, string owner, string name, TimeProvider time, ILogger logger)
    {
        _client = new GitHubClient(new ProductHeaderValue("FunnelOps"), apiUrl) { Credentials = new Credentials(token) };
        _owner = owner;
        _name = name;
        _time = time;
        _retry = new GitHubRetry(time, logger);
    }

    /// <summary>How long to keep looking for a pull request GitHub has not listed yet.</summary>
    public TimeSpan ListingLag { get; init; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public async Task<string> DefaultBranchAsync(CancellationToken cancellationToken)
    {
        var repository = await _retry.RunAsync("read the repository",
            () => _client.Repository.Get(_owner, _name), cancellationToken);
        return repository.DefaultBranch;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HostedPullRequest>> ListChangesAsync(CancellationToken cancellationToken)
    {
        var all = await _retry.RunAsync("list pull requests", () => _client.PullRequest.GetAllForRepository(
            _owner, _name, new PullRequestRequest { State = ItemStateFilter.All }), cancellationToken);
        return [.. all.Where(p => p.Head.Ref.StartsWith(ChangeNaming.BranchPrefix, StringComparison.Ordinal) && IsOwn(p))
            .Select(Map)];
    }

    /// <inheritdoc />
    public async Task<HostedPullRequest?> FindPullRequestAsync(string branch, bool expectOne,
        CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + ListingLag;
        for (var pause = TimeSpan.FromMilliseconds(500); ; pause *= 2)
        {
            var found = await _retry.RunAsync("find the pull request", () => _client.PullRequest.GetAllForRepository(
                _owner, _name, new PullRequestRequest { State = ItemStateFilter.All, Head = $"{_owner}:{branch}" }),
                cancellationToken);
            var match = found.FirstOrDefault(p => p.Head.Ref == branch && IsOwn(p));
            if (match is not null || !expectOne || _time.GetUtcNow() + pause > deadline)
            {
                return match is null ? null : Map(match);
            }

            // Right after creation GitHub's listings can lag behind: look again shortly.
            await Task.Delay(pause, _time, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<HostedPullRequest> OpenPullRequestAsync(PullRequestOpening opening,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        await EnsureLabelsAsync(opening.Labels, cancellationToken);
        PullRequest created;
        try
        {
            created = await _retry.RunAsync("open the pull request", () => _client.PullRequest.Create(_owner, _name,
                new NewPullRequest(opening.Title, opening.Branch, opening.BaseBranch) { Body = opening.Body }),
                cancellationToken);
        }
        catch (ApiValidationException exception) when (AlreadyExists(exception))
        {
            // An earlier, interrupted run opened it: carry on with that one.
            var existing = await FindPullRequestAsync(opening.Branch, expectOne: true, cancellationToken)
                ?? throw new CodeHostException($"GitHub says a pull request for {opening.Branch} exists but does " +
                    "not list it. Run again in a minute.", exception);
            created = await _retry.RunAsync("read the pull request",
                () => _client.PullRequest.Get(_owner, _name, existing.Number), cancellationToken);
        }

        await DecorateAsync(created.Number, opening, cancellationToken);
        return Map(created);
    }

    /// <inheritdoc />
    public async Task LabelAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        await EnsureLabelsAsync(labels, cancellationToken);
        await _retry.RunAsync("label the pull request",
            () => _client.Issue.Labels.AddToIssue(_owner, _name, number, [.. labels]), cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdatePullRequestAsync(int number, string title, string body, CancellationToken cancellationToken) =>
        _retry.RunAsync("update the pull request", () => _client.PullRequest.Update(_owner, _name, number,
            new PullRequestUpdate { Title = title, Body = body }), cancellationToken);

    /// <inheritdoc />
    public Task CommentAsync(int number, string body, CancellationToken cancellationToken) =>
        _retry.RunAsync("comment", () => _client.Issue.Comment.Create(_owner, _name, number, body), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> HasCommentAsync(int number, string marker, CancellationToken cancellationToken)
    {
        var comments = await _retry.RunAsync("read comments",
            () => _client.Issue.Comment.GetAllForIssue(_owner, _name, number), cancellationToken);
        return comments.Any(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true);
    }

    /// <inheritdoc />
    public async Task<HostedIssue?> FindIssueAsync(string label, string marker, CancellationToken cancellationToken)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, Filter = IssueFilter.All };
        request.Labels.Add(label);
        var issues = await _retry.RunAsync("list issues",
            () => _client.Issue.GetAllForRepository(_owner, _name, request), cancellationToken);
        var issue = issues
            .Where(i => i.PullRequest is null && i.Body?.Contains(marker, StringComparison.Ordinal) == true)
            .OrderBy(i => i.Number)
            .FirstOrDefault();
        return issue is null ? null : new HostedIssue(issue.Number, new Uri(issue.HtmlUrl), issue.Body);
    }

    /// <inheritdoc />
    public async Task<HostedIssue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        await EnsureLabelsAsync(labels, cancellationToken);
        var issue = new NewIssue(title) { Body = body };
        foreach (var label in labels)
        {
            issue.Labels.Add(label);
        }

        var created = await _retry.RunAsync("open the backlog issue",
            () => _client.Issue.Create(_owner, _name, issue), cancellationToken);
        return new HostedIssue(created.Number, new Uri(created.HtmlUrl), created.Body);
    }

    /// <inheritdoc />
    public Task UpdateIssueAsync(int number, string body, CancellationToken cancellationToken) =>
        _retry.RunAsync("update the backlog issue",
            () => _client.Issue.Update(_owner, _name, number, new IssueUpdate { Body = body }), cancellationToken);

    private async Task DecorateAsync(int number, PullRequestOpening opening, CancellationToken cancellationToken)
    {
        if (opening.Labels.Count > 0)
        {
            await _retry.RunAsync("label the pull request",
                () => _client.Issue.Labels.AddToIssue(_owner, _name, number, [.. opening.Labels]), cancellationToken);
        }

        if (opening.Reviewers.Count > 0)
        {
            await _retry.RunAsync("request reviewers", () => _client.PullRequest.ReviewRequest.Create(_owner, _name,
                number, new PullRequestReviewRequest([.. opening.Reviewers], [])), cancellationToken);
        }

        if (opening.Assignees.Count > 0)
        {
            await _retry.RunAsync("assign the pull request", () => _client.Issue.Assignee.AddAssignees(_owner, _name,
                number, new AssigneesUpdate([.. opening.Assignees])), cancellationToken);
        }
    }

    private async Task EnsureLabelsAsync(IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        if (labels.Count == 0)
        {
            return;
        }

        var existing = await _retry.RunAsync("list labels",
            () => _client.Issue.Labels.GetAllForRepository(_owner, _name), cancellationToken);
        foreach (var missing in labels.Where(l => !existing.Any(e => string.Equals(e.Name, l, StringComparison.OrdinalIgnoreCase))))
        {
            try
            {
                await _retry.RunAsync("create a label", () => _client.Issue.Labels.Create(_owner, _name,
                    new NewLabel(missing, "5319e7") { Description = "Changes and backlog from FunnelOps" }),
                    cancellationToken);
            }
            catch (ApiValidationException exception) when (AlreadyExists(exception))
            {
                // Created in the meantime by someone else: that is what was wanted.
            }
        }
    }

    private static bool AlreadyExists(ApiValidationException exception) =>
        exception.Message.Contains("already exist", StringComparison.OrdinalIgnoreCase) ||
        exception.ApiError?.Errors?.Any(e => e.Code == "already_exists" ||
            e.Message?.Contains("already exist", StringComparison.OrdinalIgnoreCase) == true) == true;

    // Only branches of the repository itself are FunnelOps' own: anyone can open a pull request from a fork with a
    // funnelops/ branch and a copied state block, and it must steer neither the cadence nor the learning.
    private static bool IsOwn(PullRequest pull) =>
        pull.Head.Repository is { } head && pull.Base.Repository is { } target && head.Id == target.Id;

    private static HostedPullRequest Map(PullRequest pull) => new(
        pull.Number, pull.Head.Ref, pull.Head.Sha, new Uri(pull.HtmlUrl), pull.State.Value == ItemState.Open,
        pull.MergedAt, pull.ClosedAt, pull.Body, pull.Labels?.Select(l => l.Name).ToList());
}
