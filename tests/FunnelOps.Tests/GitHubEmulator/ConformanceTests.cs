using System.Net.Http.Headers;
using FunnelOps.GitHubEmulator;
using FunnelOps.GitHubEmulator.Conformance;

namespace FunnelOps.Tests.GitHubEmulator;

/// <summary>Every JSON response is checked against GitHub's published OpenAPI description.</summary>
public sealed class ConformanceTests
{
    [Fact]
    public async Task A_pull_request_missing_a_required_field_is_reported_with_operation_and_field()
    {
        await using var github = await Emulators.StartSeededAsync();
        Emulators.PushFeatureBranch(github, "funnelops/shape");
        using var http = Authorized(github);
        var created = await http.PostAsync(Url(github, "pulls"), Json("""{"title":"T","head":"funnelops/shape","base":"main"}"""));
        github.Faults.TamperWithNextResponse(GitHubRoutes.GetPullRequest, body => body.AsObject().Remove("head"));

        using var response = await http.GetAsync(Url(github, "pulls/1"));

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal(200, (int)response.StatusCode);
        var failure = Assert.Throws<OpenApiConformanceException>(github.AssertConformant);
        var violation = Assert.Single(failure.Violations);
        Assert.Equal("GET /repos/{owner}/{repo}/pulls/{pull_number} → 200", violation.Operation);
        Assert.Contains("head", violation.Message, StringComparison.Ordinal);
        Assert.Contains(violation.Operation, failure.Message, StringComparison.Ordinal);
        github.ClearViolations();
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_deep_inside_a_list_is_reported_at_its_path()
    {
        await using var github = await Emulators.StartSeededAsync();
        Emulators.PushFeatureBranch(github, "funnelops/types");
        using var http = Authorized(github);
        await http.PostAsync(Url(github, "pulls"), Json("""{"title":"T","head":"funnelops/types","base":"main"}"""));
        github.Faults.TamperWithNextResponse(GitHubRoutes.ListPullRequests, body => body[0]!["head"]!["repo"]!["private"] = "yes");

        using var response = await http.GetAsync(Url(github, "pulls"));

        var violation = Assert.Single(Assert.Throws<OpenApiConformanceException>(github.AssertConformant).Violations);
        Assert.Equal("/0/head/repo/private", violation.InstanceLocation);
        github.ClearViolations();
    }

    [Fact]
    public async Task A_wrong_shape_left_unattended_fails_the_test_when_the_emulator_is_disposed()
    {
        var github = await Emulators.StartSeededAsync();
        using var http = Authorized(github);
        github.Faults.TamperWithNextResponse(GitHubRoutes.GetRepository, body => body["default_branch"] = 7);
        using var response = await http.GetAsync(new Uri($"{github.ApiUrl}repos/{github.Owner}/{github.RepositoryName}"));

        var failure = await Assert.ThrowsAsync<OpenApiConformanceException>(async () => await github.DisposeAsync());

        Assert.Contains("/default_branch", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_answers_from_every_kind_of_endpoint_pass_the_check()
    {
        await using var github = await Emulators.StartSeededAsync();
        Emulators.PushFeatureBranch(github, "funnelops/all");
        using var http = Authorized(github);
        string[] gets = ["", "branches", "branches/main", "git/ref/heads/main", "git/matching-refs/heads/", "pulls",
            "pulls/1", "pulls/1/requested_reviewers", "issues", "issues/1", "issues/1/comments", "labels",
            "labels/funnelops", "issues/1/labels"];

        await http.PostAsync(Url(github, "pulls"), Json("""{"title":"T","head":"funnelops/all","base":"main"}"""));
        await http.PostAsync(Url(github, "labels"), Json("""{"name":"funnelops","color":"0e8a16","description":"Opened by FunnelOps"}"""));
        await http.PostAsync(Url(github, "issues/1/labels"), Json("""{"labels":["funnelops"]}"""));
        await http.PostAsync(Url(github, "issues/1/comments"), Json("""{"body":"Outcome: +12% demo requests"}"""));
        await http.PostAsync(Url(github, "issues"), Json("""{"title":"Backlog","body":"- [ ] item","labels":["funnelops"]}"""));
        await http.PostAsync(Url(github, "pulls/1/requested_reviewers"), Json("""{"reviewers":["marketing-lead"]}"""));
        var statuses = new List<int>();
        foreach (var path in gets)
        {
            using var response = await http.GetAsync(Url(github, path));
            statuses.Add((int)response.StatusCode);
        }

        using var rate = await http.GetAsync(new Uri(github.ApiUrl + "rate_limit"));
        using var merge = await http.PutAsync(Url(github, "pulls/1/merge"), Json("{}"));
        using var deleted = await http.DeleteAsync(Url(github, "git/refs/heads/funnelops/all"));

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal((200, 200, 204), ((int)rate.StatusCode, (int)merge.StatusCode, (int)deleted.StatusCode));
        Assert.Empty(github.Violations);
        Assert.True(github.Requests.Count(r => r.Route is not null) >= gets.Length + 9);
    }

    internal static HttpClient Authorized(EmulatedGitHub github)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", github.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("funnelops-tests");
        return http;
    }

    internal static Uri Url(EmulatedGitHub github, string path) =>
        new($"{github.ApiUrl}repos/{github.Owner}/{github.RepositoryName}{(path.Length == 0 ? "" : "/" + path)}");

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
