using FunnelOps.GitHubEmulator;
using FunnelOps.Publishing;

namespace FunnelOps.Tests.Scenarios;

/// <summary>
/// A run disturbed at one step (push declined, server errors, rate limits, a crash between two steps), then run
/// again, ends in the same state on GitHub as an undisturbed run: no duplicate branch, pull request or issue.
/// </summary>
public sealed class FailureScenarioTests(UndisturbedRun undisturbed) : IClassFixture<UndisturbedRun>
{
    [Fact]
    public async Task A_declined_push_fails_the_run_and_the_next_run_publishes_as_if_nothing_happened()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.RejectNextPush("Pushes are paused for a release.");

        var failure = await Assert.ThrowsAsync<SiteRepositoryException>(() => world.RunAsync());
        Assert.Contains("declined the push", failure.Message, StringComparison.Ordinal);
        Assert.Empty(world.GitHub.PullRequests);
        Assert.DoesNotContain(world.GitHub.Branches.Keys, b => b.StartsWith(ChangeNaming.BranchPrefix, StringComparison.Ordinal));

        await world.RunAsync();
        Assert.Equal(undisturbed.Outline, world.Outline());
    }

    [Fact]
    public async Task Server_errors_are_retried_within_the_run()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.FailNext(GitHubRoutes.CreatePullRequest, count: 2, statusCode: 502);
        world.GitHub.Faults.FailNext(GitHubRoutes.ListPullRequests, count: 1, statusCode: 503);

        await world.RunAsync();

        Assert.Equal(undisturbed.Outline, world.Outline());
        Assert.Equal(2, world.GitHub.Requests.Count(r => r.Route == GitHubRoutes.CreatePullRequest && r.StatusCode == 502));
        Assert.Equal(0, world.GitHub.Faults.Pending);
    }

    [Fact]
    public async Task Primary_and_secondary_rate_limits_are_waited_out_on_the_clock()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.PrimaryRateLimitNext(GitHubRoutes.ListPullRequests, resetAfter: TimeSpan.FromSeconds(90));
        world.GitHub.Faults.SecondaryRateLimitNext(GitHubRoutes.CreatePullRequest, retryAfter: TimeSpan.FromSeconds(45));

        await world.RunAsync();

        Assert.Equal(undisturbed.Outline, world.Outline());
        Assert.True(world.Clock.Waited >= TimeSpan.FromSeconds(90 + 45), $"waited {world.Clock.Waited}");
        Assert.Equal(0, world.GitHub.Faults.Pending);
    }

    [Fact]
    public async Task A_rate_limit_longer_than_allowed_stops_the_run_with_a_clear_message()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.PrimaryRateLimitNext(GitHubRoutes.ListPullRequests, resetAfter: TimeSpan.FromHours(2));

        var failure = await Assert.ThrowsAsync<CodeHostException>(() => world.RunAsync());

        Assert.Contains("wait", failure.Message, StringComparison.Ordinal);
        Assert.Contains("run again later", failure.Message, StringComparison.Ordinal);
        Assert.Empty(world.GitHub.PullRequests);
    }

    [Fact]
    public async Task A_crash_between_push_and_pull_request_leaves_a_branch_the_next_run_reuses()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.FailNext(GitHubRoutes.CreatePullRequest, count: 6, statusCode: 500);

        await Assert.ThrowsAsync<Octokit.ApiException>(() => world.RunAsync());
        var branch = Assert.Single(world.GitHub.Branches, b => b.Key.StartsWith(ChangeNaming.BranchPrefix, StringComparison.Ordinal));
        Assert.Empty(world.GitHub.PullRequests);

        var rerun = await world.RunAsync();

        Assert.Equal(undisturbed.Outline, world.Outline());
        Assert.Equal(branch.Value, world.GitHub.Branches[branch.Key]);
        Assert.Contains(rerun.Notes, n => n.Contains("earlier, interrupted run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_crash_after_the_pull_request_was_opened_is_resolved_even_while_GitHub_does_not_list_it_yet()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.FailNext(GitHubRoutes.AddIssueLabels, count: 6, statusCode: 502);
        world.GitHub.Faults.HideNextCreatedPullRequestFromList(listCalls: 2);

        await Assert.ThrowsAsync<Octokit.ApiException>(() => world.RunAsync());
        Assert.Single(world.GitHub.PullRequests);

        await world.RunAsync();

        Assert.Equal(undisturbed.Outline, world.Outline());
        Assert.Contains(world.GitHub.Requests, r => r.Route == GitHubRoutes.CreatePullRequest && r.StatusCode == 422);
    }

    [Fact]
    public async Task A_crash_between_opening_and_labelling_the_pull_request_is_labelled_on_the_next_run()
    {
        await using var world = await ScenarioWorld.StartAsync();
        world.GitHub.Faults.FailNext(GitHubRoutes.AddIssueLabels, count: 6, statusCode: 502);

        await Assert.ThrowsAsync<Octokit.ApiException>(() => world.RunAsync());
        Assert.Single(world.GitHub.PullRequests);

        await world.RunAsync();

        Assert.Single(world.GitHub.PullRequests);
        Assert.Equal(undisturbed.Outline, world.Outline());
    }

    [Fact]
    public async Task A_crash_after_measuring_comments_the_outcome_once_and_remembers_it_on_the_next_run()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        var first = world.GitHub.PullRequests[0];
        world.GitHub.MergePullRequestAsHuman(first.Number);
        world.Redeploy();
        world.Clock.Advance(TimeSpan.FromDays(7));
        world.GitHub.Faults.FailNext(GitHubRoutes.UpdateIssue, count: 6, statusCode: 502);

        await Assert.ThrowsAsync<Octokit.ApiException>(() => world.RunAsync());
        await world.RunAsync();

        Assert.Single(world.GitHub.Comments(first.Number));
        Assert.Equal(2, world.GitHub.PullRequests.Count);
        Assert.Contains("merged, and the problem is gone", world.GitHub.Issues[0].Body, StringComparison.Ordinal);
    }
}
