using System.Text.Json.Nodes;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>Issue, comment and label endpoints. Pull requests are issues too, as on GitHub.</summary>
internal sealed partial class RestApi
{
    private void RegisterIssues()
    {
        Register(GitHubRoutes.ListIssues, ListIssues);
        Register(GitHubRoutes.CreateIssue, CreateIssue);
        Register(GitHubRoutes.GetIssue, r => WithIssue(r, i => Ok(IssueJson(i))));
        Register(GitHubRoutes.UpdateIssue, r => WithIssue(r, i => UpdateIssue(r, i)));
        Register(GitHubRoutes.ListComments, r => WithIssue(r, i => List(_state.Comments
            .Where(c => c.IssueNumber == i.Number).OrderBy(c => c.Id)
            .Select(c => (JsonNode)_json.Comment(c, _state.Owner, i.Pull is not null)))));
        Register(GitHubRoutes.CreateComment, r => WithIssue(r, i => CreateComment(r, i)));
        Register(GitHubRoutes.GetComment, r => WithComment(r, c => Ok(CommentJson(c))));
        Register(GitHubRoutes.UpdateComment, r => WithComment(r, c => UpdateComment(r, c)));
        Register(GitHubRoutes.AddAssignees, r => WithIssue(r, i => AddAssignees(r, i)));
        Register(GitHubRoutes.ListLabels, r => IsThisRepository(r)
            ? List(_state.Labels.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).Select(l => (JsonNode)_json.Label(l)))
            : NotFound());
        Register(GitHubRoutes.CreateLabel, CreateLabel);
        Register(GitHubRoutes.GetLabel, r => IsThisRepository(r) && _state.FindLabel(r.Parameter("name")) is { } l
            ? Ok(_json.Label(l))
            : NotFound());
        Register(GitHubRoutes.ListIssueLabels, r => WithIssue(r, i => List(LabelsJson(i).Select(l => l!.DeepClone()))));
        Register(GitHubRoutes.AddIssueLabels, r => WithIssue(r, i => AddIssueLabels(r, i)));
        Register(GitHubRoutes.RemoveIssueLabel, r => WithIssue(r, i => RemoveIssueLabel(r, i)));
    }

    private ApiResponse WithIssue(ApiRequest request, Func<IssueRecord, ApiResponse> handle)
    {
        if (!IsThisRepository(request)
            || !int.TryParse(request.Parameter("issue_number"), out var number)
            || _state.Find(number) is not { } issue)
        {
            return NotFound();
        }

        return handle(issue);
    }

    private ApiResponse WithComment(ApiRequest request, Func<CommentRecord, ApiResponse> handle)
    {
        if (!IsThisRepository(request)
            || !long.TryParse(request.Parameter("comment_id"), out var id)
            || _state.Comments.Find(c => c.Id == id) is not { } comment)
        {
            return NotFound();
        }

        return handle(comment);
    }

    private ApiResponse ListIssues(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        var state = request.QueryValue("state") ?? "open";
        var labels = (request.QueryValue("labels") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var creator = request.QueryValue("creator");
        var assignee = request.QueryValue("assignee");
        var since = request.QueryValue("since") is { } text && DateTimeOffset.TryParse(text,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal,
            out var parsed) ? parsed : (DateTimeOffset?)null;
        var issues = _state.Issues
            .Where(i => state == "all" || i.State == state)
            .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .Where(i => creator is null || string.Equals(i.Author.Login, creator, StringComparison.OrdinalIgnoreCase))
            .Where(i => assignee is null or "*" ? assignee is null || i.Assignees.Count > 0
                : assignee == "none" ? i.Assignees.Count == 0
                : i.Assignees.Contains(assignee, StringComparer.OrdinalIgnoreCase))
            .Where(i => since is null || i.UpdatedAt >= since)
            .ToList();
        issues = Sort(issues, request.QueryValue("sort") ?? "created", request.QueryValue("direction"),
            ascendingByDefault: false);
        return List(issues.Select(i => (JsonNode)IssueJson(i)));
    }

    private ApiResponse CreateIssue(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.BodyString("title")))
        {
            return Unprocessable(GitHubJson.ValidationFailed("Issue", "missing_field", "title"));
        }

        var issue = _state.OpenIssue(request.Caller, request.BodyString("title")!, request.BodyString("body"),
            request.BodyStrings("labels") ?? [], request.BodyStrings("assignees") ?? []);
        return new ApiResponse(201, IssueJson(issue));
    }

    private ApiResponse UpdateIssue(ApiRequest request, IssueRecord issue)
    {
        if (request.BodyString("title") is { } title)
        {
            issue.Title = title;
        }

        if (request.HasBodyField("body"))
        {
            issue.Body = request.BodyString("body");
        }

        if (request.BodyStrings("labels") is { } labels && request.Body is JsonObject)
        {
            _state.SetLabels(issue, labels);
        }

        if (request.Body is JsonObject && request.BodyStrings("assignees") is { } assignees)
        {
            issue.Assignees.Clear();
            issue.Assignees.AddRange(assignees);
        }

        switch (request.BodyString("state"))
        {
            case "closed":
                _state.Close(issue, request.Caller, request.BodyString("state_reason"));
                break;
            case "open":
                if (issue.Pull?.Merged == true)
                {
                    return Unprocessable(GitHubJson.ValidationFailed("Issue", "custom", "state",
                        "state cannot be changed. The pull request was merged."));
                }

                _state.Reopen(issue);
                break;
        }

        issue.UpdatedAt = _state.Now;
        return Ok(IssueJson(issue));
    }

    private ApiResponse CreateComment(ApiRequest request, IssueRecord issue)
    {
        if (string.IsNullOrEmpty(request.BodyString("body")))
        {
            return Unprocessable(GitHubJson.ValidationFailed("IssueComment", "missing_field", "body"));
        }

        var comment = _state.AddComment(issue, request.Caller, request.BodyString("body")!);
        return new ApiResponse(201, CommentJson(comment));
    }

    private ApiResponse UpdateComment(ApiRequest request, CommentRecord comment)
    {
        if (string.IsNullOrEmpty(request.BodyString("body")))
        {
            return Unprocessable(GitHubJson.ValidationFailed("IssueComment", "missing_field", "body"));
        }

        comment.Body = request.BodyString("body")!;
        comment.UpdatedAt = _state.Now;
        return Ok(CommentJson(comment));
    }

    private ApiResponse AddAssignees(ApiRequest request, IssueRecord issue)
    {
        foreach (var login in request.BodyStrings("assignees") ?? [])
        {
            if (!issue.Assignees.Contains(login, StringComparer.OrdinalIgnoreCase))
            {
                issue.Assignees.Add(login);
            }
        }

        issue.UpdatedAt = _state.Now;
        return new ApiResponse(201, IssueJson(issue));
    }

    private ApiResponse CreateLabel(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        var name = request.BodyString("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return Unprocessable(GitHubJson.ValidationFailed("Label", "missing_field", "name"));
        }

        if (_state.FindLabel(name) is not null)
        {
            return Unprocessable(GitHubJson.ValidationFailed("Label", "already_exists", "name"));
        }

        var color = (request.BodyString("color") ?? "ededed").TrimStart('#');
        if (color.Length != 6 || !color.All(Uri.IsHexDigit))
        {
            return Unprocessable(GitHubJson.ValidationFailed("Label", "invalid", "color"));
        }

        return new ApiResponse(201, _json.Label(_state.CreateLabel(name, color, request.BodyString("description"))));
    }

    private ApiResponse AddIssueLabels(ApiRequest request, IssueRecord issue)
    {
        if (request.BodyStrings("labels") is not { } labels)
        {
            return Unprocessable(GitHubJson.ValidationFailed("Label", "missing_field", "labels"));
        }

        _state.AddLabels(issue, labels);
        return Ok(LabelsJson(issue));
    }

    private ApiResponse RemoveIssueLabel(ApiRequest request, IssueRecord issue)
    {
        var name = request.Parameter("name");
        if (issue.Labels.RemoveAll(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            return new ApiResponse(404, GitHubJson.Error("Label does not exist"));
        }

        issue.UpdatedAt = _state.Now;
        return Ok(LabelsJson(issue));
    }

    private JsonObject CommentJson(CommentRecord comment) =>
        _json.Comment(comment, _state.Owner, _state.Find(comment.IssueNumber)?.Pull is not null);

    private JsonObject IssueJson(IssueRecord issue)
    {
        var api = $"{_json.RepositoryApi}/issues/{issue.Number}";
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = GitHubJson.NodeId("Issue", issue.Id),
            ["url"] = api,
            ["repository_url"] = _json.RepositoryApi,
            ["labels_url"] = api + "/labels{/name}",
            ["comments_url"] = api + "/comments",
            ["events_url"] = api + "/events",
            ["html_url"] = $"{_json.RepositoryWeb}/{(issue.Pull is null ? "issues" : "pull")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["state_reason"] = issue.StateReason,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = _json.User(issue.Author),
            ["labels"] = LabelsJson(issue),
            ["assignee"] = issue.Assignees.Count == 0 ? null : _json.User(_state.UserNamed(issue.Assignees[0])),
            ["assignees"] = new JsonArray([.. issue.Assignees.Select(a => (JsonNode)_json.User(_state.UserNamed(a)))]),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = _state.Comments.Count(c => c.IssueNumber == issue.Number),
            ["closed_at"] = GitHubJson.Timestamp(issue.ClosedAt),
            ["created_at"] = GitHubJson.Timestamp(issue.CreatedAt),
            ["updated_at"] = GitHubJson.Timestamp(issue.UpdatedAt),
            ["closed_by"] = issue.ClosedBy is null ? null : _json.User(issue.ClosedBy),
            ["author_association"] = GitHubJson.Association(issue.Author, _state.Owner),
        };
        if (issue.Pull is { } pull)
        {
            var web = $"{_json.RepositoryWeb}/pull/{issue.Number}";
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{_json.RepositoryApi}/pulls/{issue.Number}",
                ["html_url"] = web,
                ["diff_url"] = web + ".diff",
                ["patch_url"] = web + ".patch",
                ["merged_at"] = GitHubJson.Timestamp(pull.MergedAt),
            };
        }

        return json;
    }
}
