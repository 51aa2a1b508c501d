using System.Text.Json.Nodes;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>The REST endpoints, each a handler over <see cref="EmulatorState"/> answering in GitHub's shapes.</summary>
internal sealed partial class RestApi
{
    private readonly EmulatorState _state;
    private readonly GitHubJson _json;
    private readonly RateLimitCounter _rateLimit;

    public RestApi(EmulatorState state, GitHubJson json, RateLimitCounter rateLimit)
    {
        _state = state;
        _json = json;
        _rateLimit = rateLimit;
        Register(GitHubRoutes.RateLimit, RateLimitStatus);
        Register(GitHubRoutes.CurrentUser, r => Ok(_json.User(r.Caller)));
        Register(GitHubRoutes.GetRepository, GetRepository);
        Register(GitHubRoutes.ListBranches, ListBranches);
        Register(GitHubRoutes.GetBranch, GetBranch);
        Register(GitHubRoutes.GetReference, GetReference);
        Register(GitHubRoutes.ListMatchingReferences, ListMatchingReferences);
        Register(GitHubRoutes.DeleteReference, DeleteReference);
        RegisterPulls();
        RegisterIssues();
    }

    public RouteTable<Func<ApiRequest, ApiResponse>> Routes { get; } = new();

    private void Register(string key, Func<ApiRequest, ApiResponse> handler) => Routes.Add(key, handler);

    private static ApiResponse Ok(JsonNode body) => new(200, body);

    private static ApiResponse List(IEnumerable<JsonNode> items) =>
        new(200, new JsonArray([.. items])) { Paginated = true };

    private static ApiResponse NotFound() => new(404, GitHubJson.Error("Not Found"));

    private static ApiResponse Unprocessable(JsonObject body) => new(422, body);

    /// <summary>Requests about another repository are answered 404, as GitHub does for one the token cannot see.</summary>
    private bool IsThisRepository(ApiRequest request) =>
        string.Equals(request.Parameter("owner"), _state.Options.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Parameter("repo"), _state.Options.Repository, StringComparison.OrdinalIgnoreCase);

    private RepositoryFacts Facts() => new(
        _state.RepositoryId, _state.Owner, _state.Options.DefaultBranch, "The company website",
        _state.Issues.Count(i => i.State == "open"), _state.CreatedAt, _state.PushedAt);

    private ApiResponse RateLimitStatus(ApiRequest request)
    {
        var core = _rateLimit.Snapshot();
        JsonObject Resource(int limit, int used) => new()
        {
            ["limit"] = limit,
            ["remaining"] = Math.Max(0, limit - used),
            ["reset"] = core.Reset,
            ["used"] = used,
        };

        return Ok(new JsonObject
        {
            ["resources"] = new JsonObject
            {
                ["core"] = Resource(core.Limit, core.Used),
                ["search"] = Resource(30, 0),
                ["graphql"] = Resource(5000, 0),
            },
            ["rate"] = Resource(core.Limit, core.Used),
        });
    }

    private ApiResponse GetRepository(ApiRequest request) =>
        IsThisRepository(request) ? Ok(_json.Repository(Facts(), full: true)) : NotFound();

    private ApiResponse ListBranches(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        return List(_state.Repository.Branches().OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => (JsonNode)new JsonObject
            {
                ["name"] = b.Key,
                ["commit"] = new JsonObject { ["sha"] = b.Value, ["url"] = $"{_json.RepositoryApi}/commits/{b.Value}" },
                ["protected"] = false,
            }));
    }

    private ApiResponse GetBranch(ApiRequest request)
    {
        var name = request.Parameter("branch");
        if (!IsThisRepository(request)
            || _state.Repository.BranchTip(name) is not { } tip || _state.Repository.Describe(tip) is not { } commit)
        {
            return new ApiResponse(404, GitHubJson.Error("Branch not found"));
        }

        var self = $"{_json.RepositoryApi}/branches/{name}";
        return Ok(new JsonObject
        {
            ["name"] = name,
            ["commit"] = _json.Commit(commit),
            ["_links"] = new JsonObject { ["html"] = $"{_json.RepositoryWeb}/tree/{name}", ["self"] = self },
            ["protected"] = false,
            ["protection"] = new JsonObject
            {
                ["enabled"] = false,
                ["required_status_checks"] = new JsonObject
                {
                    ["enforcement_level"] = "off",
                    ["contexts"] = new JsonArray(),
                    ["checks"] = new JsonArray(),
                },
            },
            ["protection_url"] = $"{self}/protection",
        });
    }

    private ApiResponse GetReference(ApiRequest request)
    {
        var name = "refs/" + request.Parameter("ref");
        var match = IsThisRepository(request)
            ? _state.Repository.References().FirstOrDefault(r => r.Name == name)
            : default;
        return match.Name is null
            ? NotFound()
            : Ok(_json.Reference(match.Name, match.Sha, match.Type));
    }

    private ApiResponse ListMatchingReferences(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        var prefix = "refs/" + request.Parameter("ref");
        return List(_state.Repository.References()
            .Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => (JsonNode)_json.Reference(r.Name, r.Sha, r.Type)));
    }

    private ApiResponse DeleteReference(ApiRequest request)
    {
        if (!IsThisRepository(request))
        {
            return NotFound();
        }

        var name = "refs/" + request.Parameter("ref");
        if (name == $"refs/heads/{_state.Options.DefaultBranch}")
        {
            return Unprocessable(GitHubJson.Error("Cannot delete the default branch"));
        }

        if (!_state.Repository.DeleteReference(name))
        {
            return Unprocessable(GitHubJson.Error("Reference does not exist"));
        }

        _state.PushedAt = _state.Now;
        return new ApiResponse(204, null);
    }
}
