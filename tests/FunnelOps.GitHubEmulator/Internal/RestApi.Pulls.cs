using System.Text.Json.Nodes;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>Pull request endpoints.</summary>
internal sealed partial class RestApi
{
    private void RegisterPulls()
    {
        Register(GitHubRoutes.ListPullRequests, ListPulls);
        Register(GitHubRoutes.CreatePullRequest, CreatePull);
        Register(GitHubRoutes.GetPullRequest, r => WithPull(r, p => Ok(PullJson(p, full: true))));
        Register(GitHubRoutes.UpdatePullRequest, r => WithPull(r, p => UpdatePull(r, p)));
        Register(GitHubRoutes.MergePullRequest, r => WithPull(r, p => MergePull(r, p)));
        Register(GitHubRoutes.CheckPullRequestMerged,
            r => WithPull(r, p => p.Pull!.Merged ? new ApiResponse(204, null) : new ApiResponse(404, null)));
        Register(GitHubRoutes.RequestReviewers, r => WithPull(r, p => RequestReviewers(r, p)));
        Register(GitHubRoutes.ListRequestedReviewers, r => WithPull(r, p => Ok(new JsonObject
        {
            ["users"] = new JsonArray([.. p.Pull!.RequestedReviewers.Select(u => (JsonNode)_json.User(_state.UserNamed(u)))]),
            ["teams"] = new JsonArray(),
        })));
    }

    private ApiResponse WithPull(ApiRequest request, Func<IssueRecord, ApiResponse> handle)
    {
        if (!IsThisRepository(request)
            || !int.TryParse(request.Parameter("pull_number"), out var number)
            || _state.FindPull(number) is not { } pull)
        {
            return NotFound();
        }

        return handle(pull);
    }

    private ApiResponse ListPulls(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        var state = request.QueryValue("state") ?? "open";
        var head = request.QueryValue("head");
        var baseRef = request.QueryValue("base");
        var pulls = _state.Issues.Where(i => i.Pull is not null)
            .Where(i => state == "all" || i.State == state)
            .Where(i => head is null || HeadMatches(head, i.Pull!.HeadRef))
            .Where(i => baseRef is null || string.Equals(i.Pull!.BaseRef, baseRef, StringComparison.Ordinal))
            .ToList();
        var sort = request.QueryValue("sort") ?? "created";
        pulls = Sort(pulls, sort, request.QueryValue("direction"), ascendingByDefault: sort != "created");

        // Right after creation GitHub's listings can lag behind: an armed pull request is left out this time.
        foreach (var hidden in _state.HiddenFromListing.Keys.ToList())
        {
            pulls.RemoveAll(p => p.Number == hidden);
            if (--_state.HiddenFromListing[hidden] <= 0)
            {
                _state.HiddenFromListing.Remove(hidden);
            }
        }

        return List(pulls.Select(p => (JsonNode)PullJson(p, full: false)));
    }

    private bool HeadMatches(string filter, string headRef)
    {
        // GitHub documents "user:ref-name"; a bare branch name is accepted here too.
        var colon = filter.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return string.Equals(filter, headRef, StringComparison.Ordinal);
        }

        return string.Equals(filter[..colon], _state.Options.Owner, StringComparison.OrdinalIgnoreCase)
            && string.Equals(filter[(colon + 1)..], headRef, StringComparison.Ordinal);
    }

    private static List<IssueRecord> Sort(
        List<IssueRecord> items, string sort, string? direction, bool ascendingByDefault)
    {
        Func<IssueRecord, DateTimeOffset> key = sort == "updated" ? i => i.UpdatedAt : i => i.CreatedAt;
        var ascending = direction is null ? ascendingByDefault : direction == "asc";
        return ascending
            ? [.. items.OrderBy(key).ThenBy(i => i.Number)]
            : [.. items.OrderByDescending(key).ThenByDescending(i => i.Number)];
    }

    private ApiResponse CreatePull(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        var title = request.BodyString("title");
        var head = request.BodyString("head");
        var baseRef = request.BodyString("base");
        if (string.IsNullOrWhiteSpace(title))
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "missing_field", "title"));
        }

        if (string.IsNullOrWhiteSpace(head) || string.IsNullOrWhiteSpace(baseRef))
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "missing_field",
                string.IsNullOrWhiteSpace(head) ? "head" : "base"));
        }

        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && !string.Equals(head[..colon], _state.Options.Owner, StringComparison.OrdinalIgnoreCase))
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "invalid", "head"));
        }

        var headRef = colon >= 0 ? head[(colon + 1)..] : head;
        if (_state.Repository.BranchTip(headRef) is not { } headSha)
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "invalid", "head"));
        }

        if (_state.Repository.BranchTip(baseRef) is null)
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "invalid", "base"));
        }

        if (_state.Issues.Any(i => i.Pull is not null && i.State == "open" && i.Pull.HeadRef == headRef
            && i.Pull.ForkOwner is null && i.Pull.BaseRef == baseRef))
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "custom",
                message: $"A pull request already exists for {_state.Options.Owner}:{headRef}."));
        }

        if (_state.Repository.Compare(baseRef, headSha).Commits == 0)
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "custom",
                message: $"No commits between {baseRef} and {headRef}"));
        }

        var pull = new PullRecord
        {
            Id = _state.NextId(),
            HeadRef = headRef,
            HeadSha = headSha,
            BaseRef = baseRef,
            Draft = request.Body?["draft"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            MaintainerCanModify = request.Body?["maintainer_can_modify"]?.GetValueKind()
                != System.Text.Json.JsonValueKind.False,
        };
        var issue = _state.OpenIssue(request.Caller, title, request.BodyString("body"), [], [], pull);
        return new ApiResponse(201, PullJson(issue, full: true));
    }

    private ApiResponse UpdatePull(ApiRequest request, IssueRecord pull)
    {
        if (request.BodyString("title") is { } title)
        {
            pull.Title = title;
        }

        if (request.HasBodyField("body"))
        {
            pull.Body = request.BodyString("body");
        }

        if (request.BodyString("base") is { } baseRef)
        {
            if (_state.Repository.BranchTip(baseRef) is null)
            {
                return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "invalid", "base"));
            }

            pull.Pull!.BaseRef = baseRef;
        }

        switch (request.BodyString("state"))
        {
            case "closed":
                _state.Close(pull, request.Caller);
                break;
            case "open" when pull.State == "closed":
                if (pull.Pull!.Merged || _state.Repository.BranchTip(pull.Pull.HeadRef) is null)
                {
                    return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "custom", "state",
                        "state cannot be changed. The head branch was deleted or the pull request was merged."));
                }

                _state.Reopen(pull);
                break;
        }

        pull.UpdatedAt = _state.Now;
        return Ok(PullJson(pull, full: true));
    }

    private ApiResponse MergePull(ApiRequest request, IssueRecord pull)
    {
        if (pull.State != "open")
        {
            return new ApiResponse(405, GitHubJson.Error("Pull Request is not mergeable"));
        }

        if (request.BodyString("sha") is { } expected && expected != _state.HeadSha(pull))
        {
            return new ApiResponse(409, GitHubJson.Error("Head branch was modified. Review and try the merge again."));
        }

        var method = request.BodyString("merge_method") ?? "merge";
        if (method is not ("merge" or "squash" or "rebase"))
        {
            return Unprocessable(GitHubJson.ValidationFailed("PullRequest", "invalid", "merge_method"));
        }

        var outcome = _state.Merge(pull, request.Caller, method, request.BodyString("commit_title"),
            request.BodyString("commit_message"));
        if (outcome.Sha is null)
        {
            return new ApiResponse(405, GitHubJson.Error($"Pull Request is not mergeable: {outcome.Refusal}"));
        }

        return Ok(new JsonObject
        {
            ["sha"] = outcome.Sha,
            ["merged"] = true,
            ["message"] = "Pull Request successfully merged",
        });
    }

    private ApiResponse RequestReviewers(ApiRequest request, IssueRecord pull)
    {
        var reviewers = request.BodyStrings("reviewers") ?? [];
        if (reviewers.Any(r => string.Equals(r, pull.Author.Login, StringComparison.OrdinalIgnoreCase)))
        {
            return Unprocessable(GitHubJson.Error("Review cannot be requested from pull request author."));
        }

        foreach (var reviewer in reviewers)
        {
            if (!pull.Pull!.RequestedReviewers.Contains(reviewer, StringComparer.OrdinalIgnoreCase))
            {
                pull.Pull.RequestedReviewers.Add(reviewer);
            }
        }

        pull.UpdatedAt = _state.Now;
        return new ApiResponse(201, PullJson(pull, full: false));
    }

    private JsonObject PullJson(IssueRecord issue, bool full)
    {
        var pull = issue.Pull!;
        var api = $"{_json.RepositoryApi}/pulls/{issue.Number}";
        var web = $"{_json.RepositoryWeb}/pull/{issue.Number}";
        var issueApi = $"{_json.RepositoryApi}/issues/{issue.Number}";
        var headSha = _state.HeadSha(issue);
        var baseSha = _state.Repository.BranchTip(pull.BaseRef) ?? "";
        var repository = _json.Repository(Facts(), full: false);
        JsonObject End(string reference, string sha, string? forkOwner = null)
        {
            var repo = repository.DeepClone().AsObject();
            if (forkOwner is not null)
            {
                // A fork is another repository: its own id and name, the same tree.
                repo["id"] = repo["id"]!.GetValue<long>() + 1_000_000;
                repo["full_name"] = $"{forkOwner}/{_state.Options.Repository}";
                repo["fork"] = true;
            }

            return new JsonObject
            {
                ["label"] = $"{forkOwner ?? _state.Options.Owner}:{reference}",
                ["ref"] = reference,
                ["sha"] = sha,
                ["user"] = _json.User(_state.Owner),
                ["repo"] = repo,
            };
        }
        JsonObject Link(string href) => new() { ["href"] = href };

        var json = new JsonObject
        {
            ["url"] = api,
            ["id"] = pull.Id,
            ["node_id"] = GitHubJson.NodeId("PullRequest", pull.Id),
            ["html_url"] = web,
            ["diff_url"] = web + ".diff",
            ["patch_url"] = web + ".patch",
            ["issue_url"] = issueApi,
            ["commits_url"] = api + "/commits",
            ["review_comments_url"] = api + "/comments",
            ["review_comment_url"] = $"{_json.RepositoryApi}/pulls/comments{{/number}}",
            ["comments_url"] = issueApi + "/comments",
            ["statuses_url"] = $"{_json.RepositoryApi}/statuses/{headSha}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["locked"] = false,
            ["title"] = issue.Title,
            ["user"] = _json.User(issue.Author),
            ["body"] = issue.Body,
            ["labels"] = LabelsJson(issue),
            ["milestone"] = null,
            ["active_lock_reason"] = null,
            ["created_at"] = GitHubJson.Timestamp(issue.CreatedAt),
            ["updated_at"] = GitHubJson.Timestamp(issue.UpdatedAt),
            ["closed_at"] = GitHubJson.Timestamp(issue.ClosedAt),
            ["merged_at"] = GitHubJson.Timestamp(pull.MergedAt),
            ["merge_commit_sha"] = pull.MergeCommitSha,
            ["assignee"] = issue.Assignees.Count == 0 ? null : _json.User(_state.UserNamed(issue.Assignees[0])),
            ["assignees"] = new JsonArray([.. issue.Assignees.Select(a => (JsonNode)_json.User(_state.UserNamed(a)))]),
            ["requested_reviewers"] = new JsonArray(
                [.. pull.RequestedReviewers.Select(r => (JsonNode)_json.User(_state.UserNamed(r)))]),
            ["requested_teams"] = new JsonArray(),
            ["head"] = End(pull.HeadRef, headSha, pull.ForkOwner),
            ["base"] = End(pull.BaseRef, baseSha),
            ["_links"] = new JsonObject
            {
                ["self"] = Link(api),
                ["html"] = Link(web),
                ["issue"] = Link(issueApi),
                ["comments"] = Link(issueApi + "/comments"),
                ["review_comments"] = Link(api + "/comments"),
                ["review_comment"] = Link($"{_json.RepositoryApi}/pulls/comments{{/number}}"),
                ["commits"] = Link(api + "/commits"),
                ["statuses"] = Link($"{_json.RepositoryApi}/statuses/{headSha}"),
            },
            ["author_association"] = GitHubJson.Association(issue.Author, _state.Owner),
            ["auto_merge"] = null,
            ["draft"] = pull.Draft,
        };
        if (!full)
        {
            return json;
        }

        var mergeable = issue.State == "open" ? _state.Repository.CanMerge(pull.BaseRef, headSha) : (bool?)null;
        var compare = _state.Repository.Compare(pull.BaseRef, headSha);
        json["merged"] = pull.Merged;
        json["mergeable"] = mergeable;
        json["rebaseable"] = mergeable;
        json["mergeable_state"] = mergeable switch { true => "clean", false => "dirty", null => "unknown" };
        json["merged_by"] = pull.MergedBy is null ? null : _json.User(pull.MergedBy);
        json["comments"] = _state.Comments.Count(c => c.IssueNumber == issue.Number);
        json["review_comments"] = 0;
        json["maintainer_can_modify"] = pull.MaintainerCanModify;
        json["commits"] = pull.Merged ? Math.Max(1, compare.Commits) : compare.Commits;
        json["additions"] = compare.Additions;
        json["deletions"] = compare.Deletions;
        json["changed_files"] = compare.Files;
        return json;
    }

    private JsonArray LabelsJson(IssueRecord issue) => new(
        [.. issue.Labels.Select(_state.FindLabel).OfType<LabelRecord>().Select(l => (JsonNode)_json.Label(l))]);
}
