using Xunit.Abstractions;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;

namespace FunnelOps.Tests.Scenarios;

/// <summary>Several weeks of runs against an emulated GitHub and the sample site served on loopback.</summary>
public sealed class WeeklyScenarioTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OneWeek = TimeSpan.FromDays(7);

    [Fact]
    public async Task Three_weeks_open_one_change_a_week_measure_the_merged_one_and_never_repeat_the_rejected_one()
    {
        await using var world = await ScenarioWorld.StartAsync();

        // Week 1 opens the first change and the backlog issue.
        var week1 = await world.RunAsync();
        var first = Assert.Single(world.GitHub.PullRequests);
        Assert.Equal("open", first.State);
        Assert.StartsWith("funnelops/2026-W49-", first.HeadRef, StringComparison.Ordinal);
        Assert.Contains(GitHubPublishing.Label, first.Labels);
        Assert.Equal(first.Number, week1.Publication!.PullRequest!.Number);
        var firstState = ChangeStateBlock.Read(first.Body)!;
        Assert.Equal("2026-W49", firstState.Week);
        Assert.Equal(first.HeadSha, firstState.Commit);
        var issue = Assert.Single(world.GitHub.Issues);
        Assert.Contains(BacklogIssue.Marker, issue.Body, StringComparison.Ordinal);

        // A second run in the same week opens nothing and leaves the branch as it was.
        var again = await world.RunAsync();
        Assert.Single(world.GitHub.PullRequests);
        Assert.Single(world.GitHub.Issues);
        Assert.Equal(first.HeadSha, world.GitHub.Branches[first.HeadRef]);
        Assert.Contains("nothing new is opened", again.Publication!.Decision, StringComparison.Ordinal);

        // The team merges it and the site is deployed from the merged branch.
        world.GitHub.MergePullRequestAsHuman(first.Number);
        world.Redeploy();
        world.Clock.Advance(OneWeek);

        // Week 2 measures the first change, comments its outcome, and opens the second change.
        var week2 = await world.RunAsync();
        var measured = Assert.Single(week2.Publication!.Outcomes);
        Assert.Equal(first.Number, measured.Number);
        Assert.Equal(ChangeOutcome.MergedImproved, measured.Outcome);
        Assert.Contains(world.GitHub.Comments(first.Number),
            c => c.Body.Contains("FunnelOps measured this change", StringComparison.Ordinal));
        Assert.Equal(2, world.GitHub.PullRequests.Count);
        var second = world.GitHub.PullRequests[^1];
        Assert.StartsWith("funnelops/2026-W50-", second.HeadRef, StringComparison.Ordinal);
        Assert.Contains($"Pull request #{first.Number} (2026-W49) was merged", second.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(firstState.Fingerprints[0], week2.Findings.Select(f => f.Fingerprint));
        Assert.Contains("No change has been measured yet", issue.Body, StringComparison.Ordinal);
        Assert.Contains("merged, and the problem is gone", world.GitHub.Issue(issue.Number).Body, StringComparison.Ordinal);

        // The team says no to the second change; week 3 does not propose it again and opens a third.
        world.GitHub.ClosePullRequestAsHuman(second.Number);
        world.Clock.Advance(OneWeek);
        var week3 = await world.RunAsync();
        var secondState = ChangeStateBlock.Read(second.Body)!;
        Assert.Contains(week3.Publication!.Outcomes,
            o => o.Number == second.Number && o.Outcome == ChangeOutcome.Rejected);
        Assert.Equal(3, world.GitHub.PullRequests.Count);
        var third = world.GitHub.PullRequests[^1];
        Assert.StartsWith("funnelops/2026-W51-", third.HeadRef, StringComparison.Ordinal);
        Assert.DoesNotContain(secondState.Fingerprints[0], ChangeStateBlock.Read(third.Body)!.Fingerprints);
        Assert.Contains(week3.Findings, f => f.Fingerprint == secondState.Fingerprints[0]);
        var finalIssue = Assert.Single(world.GitHub.Issues);
        Assert.Contains($"Pull request #{second.Number} (2026-W50", finalIssue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pull_request_for_the_sample_site_lets_a_reviewer_decide_from_its_body_alone()
    {
        await using var world = await ScenarioWorld.StartAsync();

        await world.RunAsync(world.Request(configure: p => p with { Labels = ["growth"], Reviewers = ["site-maintainer"] }));

        var pull = Assert.Single(world.GitHub.PullRequests);
        output.WriteLine($"# {pull.Title}\n\n{pull.Body}");
        string[] sections = ["**In one sentence:**", "## Why it matters", "- Funnel stage: **", "## Projected impact:",
            "## The change", "How the file was found:", "```diff", "## How to verify", "Pages to open once",
            "## Also considered", "## Last week's outcome", "<!-- funnelops:state "];
        var at = sections.Select(s => pull.Body!.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.Equal(["funnelops", "growth"], pull.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(["site-maintainer"], pull.RequestedReviewers);
        var state = ChangeStateBlock.Read(pull.Body)!;
        Assert.NotEmpty(state.Pages);
        Assert.Equal(world.GitHub.Branches["main"], state.BaseCommit);
    }
}
