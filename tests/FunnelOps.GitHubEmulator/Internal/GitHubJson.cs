using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>Builds response bodies in GitHub's shapes (the fields its OpenAPI description requires, and their types).</summary>
internal sealed class GitHubJson
{
    private readonly string _web;
    private readonly string _api;
    private readonly string _owner;
    private readonly string _name;

    public GitHubJson(Uri root, string owner, string name)
    {
        _web = root.ToString();
        _api = _web + "api/v3/";
        _owner = owner;
        _name = name;
    }

    /// <summary>The API root URL of the repository, as <c>…/api/v3/repos/acme/site</c>.</summary>
    public string RepositoryApi => $"{_api}repos/{_owner}/{_name}";

    /// <summary>The web URL of the repository, as <c>…/acme/site</c>.</summary>
    public string RepositoryWeb => $"{_web}{_owner}/{_name}";

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Timestamp(DateTimeOffset? at) => at is { } value ? Timestamp(value) : null;

    public static string NodeId(string kind, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"0{kind.Length}:{kind}{id}")));

    public JsonObject User(UserRecord user)
    {
        var url = $"{_api}users/{user.Login}";
        return new JsonObject
        {
            ["login"] = user.Login,
            ["id"] = user.Id,
            ["node_id"] = NodeId(user.Type, user.Id),
            ["avatar_url"] = $"{_web}avatars/u/{user.Id}",
            ["gravatar_id"] = "",
            ["url"] = url,
            ["html_url"] = $"{_web}{user.Login}",
            ["followers_url"] = $"{url}/followers",
            ["following_url"] = $"{url}/following{{/other_user}}",
            ["gists_url"] = $"{url}/gists{{/gist_id}}",
            ["starred_url"] = $"{url}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{url}/subscriptions",
            ["organizations_url"] = $"{url}/orgs",
            ["repos_url"] = $"{url}/repos",
            ["events_url"] = $"{url}/events{{/privacy}}",
            ["received_events_url"] = $"{url}/received_events",
            ["type"] = user.Type,
            ["site_admin"] = false,
        };
    }

    public JsonObject Repository(RepositoryFacts facts, bool full)
    {
        var api = RepositoryApi;
        var repository = new JsonObject
        {
            ["id"] = facts.Id,
            ["node_id"] = NodeId("Repository", facts.Id),
            ["name"] = _name,
            ["full_name"] = $"{_owner}/{_name}",
            ["owner"] = User(facts.Owner),
            ["private"] = true,
            ["html_url"] = RepositoryWeb,
            ["description"] = facts.Description,
            ["fork"] = false,
            ["url"] = api,
            ["archive_url"] = $"{api}/{{archive_format}}{{/ref}}",
            ["assignees_url"] = $"{api}/assignees{{/user}}",
            ["blobs_url"] = $"{api}/git/blobs{{/sha}}",
            ["branches_url"] = $"{api}/branches{{/branch}}",
            ["collaborators_url"] = $"{api}/collaborators{{/collaborator}}",
            ["comments_url"] = $"{api}/comments{{/number}}",
            ["commits_url"] = $"{api}/commits{{/sha}}",
            ["compare_url"] = $"{api}/compare/{{base}}...{{head}}",
            ["contents_url"] = $"{api}/contents/{{+path}}",
            ["contributors_url"] = $"{api}/contributors",
            ["deployments_url"] = $"{api}/deployments",
            ["downloads_url"] = $"{api}/downloads",
            ["events_url"] = $"{api}/events",
            ["forks_url"] = $"{api}/forks",
            ["git_commits_url"] = $"{api}/git/commits{{/sha}}",
            ["git_refs_url"] = $"{api}/git/refs{{/sha}}",
            ["git_tags_url"] = $"{api}/git/tags{{/sha}}",
            ["git_url"] = $"git://{new Uri(_web).Authority}/{_owner}/{_name}.git",
            ["issue_comment_url"] = $"{api}/issues/comments{{/number}}",
            ["issue_events_url"] = $"{api}/issues/events{{/number}}",
            ["issues_url"] = $"{api}/issues{{/number}}",
            ["keys_url"] = $"{api}/keys{{/key_id}}",
            ["labels_url"] = $"{api}/labels{{/name}}",
            ["languages_url"] = $"{api}/languages",
            ["merges_url"] = $"{api}/merges",
            ["milestones_url"] = $"{api}/milestones{{/number}}",
            ["notifications_url"] = $"{api}/notifications{{?since,all,participating}}",
            ["pulls_url"] = $"{api}/pulls{{/number}}",
            ["releases_url"] = $"{api}/releases{{/id}}",
            ["ssh_url"] = $"git@{new Uri(_web).Host}:{_owner}/{_name}.git",
            ["stargazers_url"] = $"{api}/stargazers",
            ["statuses_url"] = $"{api}/statuses/{{sha}}",
            ["subscribers_url"] = $"{api}/subscribers",
            ["subscription_url"] = $"{api}/subscription",
            ["tags_url"] = $"{api}/tags",
            ["teams_url"] = $"{api}/teams",
            ["trees_url"] = $"{api}/git/trees{{/sha}}",
            ["clone_url"] = $"{RepositoryWeb}.git",
            ["mirror_url"] = null,
            ["hooks_url"] = $"{api}/hooks",
            ["svn_url"] = RepositoryWeb,
            ["homepage"] = null,
            ["language"] = "HTML",
            ["forks_count"] = 0,
            ["stargazers_count"] = 0,
            ["watchers_count"] = 0,
            ["size"] = 1,
            ["default_branch"] = facts.DefaultBranch,
            ["open_issues_count"] = facts.OpenIssues,
            ["is_template"] = false,
            ["topics"] = new JsonArray(),
            ["has_issues"] = true,
            ["has_projects"] = false,
            ["has_wiki"] = false,
            ["has_pages"] = false,
            ["has_downloads"] = true,
            ["has_discussions"] = false,
            ["archived"] = false,
            ["disabled"] = false,
            ["visibility"] = "private",
            ["pushed_at"] = Timestamp(facts.PushedAt),
            ["created_at"] = Timestamp(facts.CreatedAt),
            ["updated_at"] = Timestamp(facts.PushedAt),
            ["permissions"] = new JsonObject
            {
                ["admin"] = false,
                ["maintain"] = false,
                ["push"] = true,
                ["triage"] = true,
                ["pull"] = true,
            },
            ["allow_rebase_merge"] = true,
            ["allow_squash_merge"] = true,
            ["allow_merge_commit"] = true,
            ["delete_branch_on_merge"] = false,
            ["license"] = null,
            ["forks"] = 0,
            ["open_issues"] = facts.OpenIssues,
            ["watchers"] = 0,
        };
        if (full)
        {
            repository["network_count"] = 0;
            repository["subscribers_count"] = 0;
        }

        return repository;
    }

    public JsonObject Label(LabelRecord label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = NodeId("Label", label.Id),
        ["url"] = $"{RepositoryApi}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["color"] = label.Color,
        ["default"] = false,
        ["description"] = label.Description,
    };

    public JsonObject Comment(CommentRecord comment, UserRecord owner, bool onPull)
    {
        var kind = onPull ? "pull" : "issues";
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["node_id"] = NodeId("IssueComment", comment.Id),
            ["url"] = $"{RepositoryApi}/issues/comments/{comment.Id}",
            ["html_url"] = $"{RepositoryWeb}/{kind}/{comment.IssueNumber}#issuecomment-{comment.Id}",
            ["body"] = comment.Body,
            ["user"] = User(comment.Author),
            ["created_at"] = Timestamp(comment.CreatedAt),
            ["updated_at"] = Timestamp(comment.UpdatedAt),
            ["issue_url"] = $"{RepositoryApi}/issues/{comment.IssueNumber}",
            ["author_association"] = Association(comment.Author, owner),
        };
    }

    public JsonObject Reference(string canonicalName, string sha, string type) => new()
    {
        ["ref"] = canonicalName,
        ["node_id"] = NodeId("Ref", Math.Abs((long)StringComparer.Ordinal.GetHashCode(canonicalName))),
        ["url"] = $"{RepositoryApi}/git/{canonicalName}",
        ["object"] = new JsonObject
        {
            ["type"] = type,
            ["sha"] = sha,
            ["url"] = $"{RepositoryApi}/git/{type}s/{sha}",
        },
    };

    public JsonObject Commit(CommitDetails commit) => new()
    {
        ["sha"] = commit.Sha,
        ["node_id"] = NodeId("Commit", Math.Abs((long)StringComparer.Ordinal.GetHashCode(commit.Sha))),
        ["url"] = $"{RepositoryApi}/commits/{commit.Sha}",
        ["html_url"] = $"{RepositoryWeb}/commit/{commit.Sha}",
        ["comments_url"] = $"{RepositoryApi}/commits/{commit.Sha}/comments",
        ["commit"] = new JsonObject
        {
            ["url"] = $"{RepositoryApi}/git/commits/{commit.Sha}",
            ["author"] = GitUser(commit.AuthorName, commit.AuthorEmail, commit.AuthorDate),
            ["committer"] = GitUser(commit.CommitterName, commit.CommitterEmail, commit.CommitterDate),
            ["message"] = commit.Message.TrimEnd('\n'),
            ["comment_count"] = 0,
            ["tree"] = new JsonObject
            {
                ["sha"] = commit.TreeSha,
                ["url"] = $"{RepositoryApi}/git/trees/{commit.TreeSha}",
            },
        },
        ["author"] = null,
        ["committer"] = null,
        ["parents"] = new JsonArray([.. commit.Parents.Select(p => (JsonNode)new JsonObject
        {
            ["sha"] = p,
            ["url"] = $"{RepositoryApi}/commits/{p}",
            ["html_url"] = $"{RepositoryWeb}/commit/{p}",
        })]),
    };

    public static JsonObject Error(string message) => new()
    {
        ["message"] = message,
        ["documentation_url"] = "https://docs.github.com/enterprise-server@3.19/rest",
    };

    public static JsonObject ValidationFailed(string resource, string code, string? field = null, string? message = null)
    {
        var error = new JsonObject { ["resource"] = resource, ["code"] = code };
        if (field is not null)
        {
            error["field"] = field;
        }

        if (message is not null)
        {
            error["message"] = message;
        }

        var body = Error("Validation Failed");
        body["errors"] = new JsonArray(error);
        return body;
    }

    public static string Association(UserRecord user, UserRecord owner) =>
        user.Login == owner.Login ? "OWNER" : user.Type == "Bot" ? "NONE" : "COLLABORATOR";

    private static JsonObject GitUser(string name, string email, DateTimeOffset when) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["date"] = Timestamp(when),
    };
}

/// <summary>What a repository answer needs to know beyond the names.</summary>
internal sealed record RepositoryFacts(
    long Id, UserRecord Owner, string DefaultBranch, string? Description, int OpenIssues,
    DateTimeOffset CreatedAt, DateTimeOffset PushedAt);
