using FunnelOps.Publishing;

namespace FunnelOps.Tests.Scenarios;

/// <summary>The weekly cadence: at most one change a week, waiting for review, refreshing, catching up, steering.</summary>
public sealed class CadenceScenarioTests
{
    private static readonly TimeSpan OneWeek = TimeSpan.FromDays(7);

    [Fact]
    public async Task While_last_weeks_change_is_open_the_next_week_waits_unless_configured_otherwise()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        world.Clock.Advance(OneWeek);

        var waiting = await world.RunAsync();
        Assert.Single(world.GitHub.PullRequests);
        Assert.Contains("still open", waiting.Publication!.Decision, StringComparison.Ordinal);

        await world.RunAsync(world.Request(configure: p => p with { WaitWhileOpen = false }));
        Assert.Equal(2, world.GitHub.PullRequests.Count);
        Assert.NotEqual(world.GitHub.PullRequests[0].HeadRef, world.GitHub.PullRequests[1].HeadRef);
    }

    [Fact]
    public async Task Pull_requests_from_forks_that_imitate_FunnelOps_steer_neither_the_cadence_nor_the_rejections()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        var own = world.GitHub.PullRequests[0];
        world.GitHub.MergePullRequestAsHuman(own.Number);
        world.Redeploy();

        // An outsider copies the hidden block into fork pull requests on funnelops/ branches: one still open from
        // an earlier week, one closed (a "no" to the findings it names), one naming a page that is no address.
        var copied = ChangeStateBlock.Read(own.Body)!;
        var earlier = ChangeStateBlock.Replace("Improve the site", copied with { Week = "2026-W40" });
        world.GitHub.OpenPullRequestFromForkAsHuman("outsider", "funnelops/2026-W40-open", "Open copy", earlier);
        var closed = world.GitHub.OpenPullRequestFromForkAsHuman("outsider", "funnelops/2026-W40-closed", "Closed copy",
            ChangeStateBlock.Replace("Improve the site", copied with { Fingerprints = ["e9be6a0d6c466e80"] }));
        world.GitHub.ClosePullRequestAsHuman(closed);
        world.GitHub.OpenPullRequestFromForkAsHuman("outsider", "funnelops/broken", "Broken copy",
            ChangeStateBlock.Replace("Improve the site", copied with { Pages = ["not an address"] }));
        world.Clock.Advance(OneWeek);

        var week2 = await world.RunAsync();

        Assert.NotNull(week2.Publication!.PullRequest);
        var opened = world.GitHub.PullRequests.Where(p => p.Author == world.GitHub.TokenOwner).ToList();
        Assert.Equal(2, opened.Count);
        Assert.DoesNotContain("outsider", world.GitHub.Issues.Single(i => i.Title.Contains("backlog",
            StringComparison.OrdinalIgnoreCase)).Body ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missed_weeks_are_caught_up_once_not_doubled()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        world.GitHub.MergePullRequestAsHuman(world.GitHub.PullRequests[0].Number);
        world.Redeploy();
        world.Clock.Advance(OneWeek * 3);

        await world.RunAsync();
        await world.RunAsync();

        Assert.Equal(2, world.GitHub.PullRequests.Count);
        Assert.StartsWith("funnelops/2026-W52-", world.GitHub.PullRequests[1].HeadRef, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_base_branch_moves_the_open_change_is_rebuilt_on_it_under_a_lease()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        var before = world.GitHub.PullRequests[0];
        var newBase = world.GitHub.PushAsHuman("main",
            new Dictionary<string, string?> { ["humans.txt"] = "Made by the Acme web team.\n" }, "Add humans.txt");

        var refreshed = await world.RunAsync();

        var after = Assert.Single(world.GitHub.PullRequests);
        Assert.NotEqual(before.HeadSha, after.HeadSha);
        Assert.Equal([newBase], world.GitHub.CommitParents(after.HeadSha)!);
        Assert.Equal(newBase, ChangeStateBlock.Read(after.Body)!.BaseCommit);
        Assert.Equal(after.HeadSha, ChangeStateBlock.Read(after.Body)!.Commit);
        Assert.Contains("Refreshed", refreshed.Publication!.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_a_person_pushed_to_the_branch_FunnelOps_leaves_it_alone()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        var pull = world.GitHub.PullRequests[0];
        var human = world.GitHub.PushAsHuman(pull.HeadRef,
            new Dictionary<string, string?> { ["notes.txt"] = "Reviewed with legal.\n" }, "Reviewer's tweak");
        world.GitHub.PushAsHuman("main", new Dictionary<string, string?> { ["humans.txt"] = "Acme\n" }, "Add humans.txt");

        var run = await world.RunAsync();

        Assert.Equal(human, world.GitHub.Branches[pull.HeadRef]);
        Assert.Single(world.GitHub.PullRequests);
        Assert.Contains("Someone pushed to its branch", run.Publication!.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticked_skip_box_in_the_backlog_issue_is_honoured_and_stays_ticked()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        world.GitHub.MergePullRequestAsHuman(world.GitHub.PullRequests[0].Number);
        world.Redeploy();
        world.Clock.Advance(OneWeek);
        var preview = await world.RunAsync(world.Request() with { DryRun = true });
        var wouldBe = preview.Change!.Fix.Item.Finding.Fingerprint;
        Assert.Single(world.GitHub.PullRequests);
        var issue = Assert.Single(world.GitHub.Issues);

        world.GitHub.TickCheckboxAsHuman(issue.Number, $"Skip `{wouldBe}`");
        await world.RunAsync();

        var second = world.GitHub.PullRequests[^1];
        Assert.Equal(2, world.GitHub.PullRequests.Count);
        Assert.DoesNotContain(wouldBe, ChangeStateBlock.Read(second.Body)!.Fingerprints);
        Assert.Contains($"- [x] Skip `{wouldBe}`", world.GitHub.Issue(issue.Number).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_that_comes_back_after_its_merged_fix_is_proposed_again_with_that_history()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        var first = world.GitHub.PullRequests[0];
        var file = ChangedFile(world, first.HeadSha);
        var original = world.GitHub.ReadFile("main", file);
        world.GitHub.MergePullRequestAsHuman(first.Number);
        world.GitHub.PushAsHuman("main", new Dictionary<string, string?> { [file] = original }, "Restore the old page");
        world.Redeploy();
        world.Clock.Advance(OneWeek);

        var week2 = await world.RunAsync();

        var again = world.GitHub.PullRequests[^1];
        Assert.Equal(ChangeStateBlock.Read(first.Body)!.Fingerprints, ChangeStateBlock.Read(again.Body)!.Fingerprints);
        Assert.Contains($"## History of this finding\n\n- Fixed before by pull request #{first.Number} (2026-W49), merged",
            again.Body, StringComparison.Ordinal);
        Assert.Equal(FunnelOps.Prioritization.ChangeOutcome.MergedNoEffect, Assert.Single(week2.Publication!.Outcomes).Outcome);
    }

    [Fact]
    public async Task A_rejection_with_an_expiry_holds_until_then_and_no_longer()
    {
        await using var world = await ScenarioWorld.StartAsync();
        var request = world.Request(configure: p => p with { RejectionExpiry = OneWeek * 2 });
        await world.RunAsync(request);
        var rejected = world.GitHub.PullRequests[0];
        world.GitHub.ClosePullRequestAsHuman(rejected.Number);
        var fingerprint = ChangeStateBlock.Read(rejected.Body)!.Fingerprints[0];

        world.Clock.Advance(OneWeek);
        await world.RunAsync(request);
        Assert.NotEqual(fingerprint, ChangeStateBlock.Read(world.GitHub.PullRequests[^1].Body)!.Fingerprints[0]);
        Assert.Contains("may be proposed again after 2026-12-15", world.GitHub.Issues[0].Body, StringComparison.Ordinal);
        world.GitHub.ClosePullRequestAsHuman(world.GitHub.PullRequests[^1].Number);

        world.Clock.Advance(OneWeek * 2);
        await world.RunAsync(request);
        Assert.Equal(fingerprint, ChangeStateBlock.Read(world.GitHub.PullRequests[^1].Body)!.Fingerprints[0]);
    }

    [Fact]
    public async Task The_token_never_reaches_the_clone_configuration_the_log_the_texts_or_the_reports()
    {
        await using var world = await ScenarioWorld.StartAsync();
        var clone = world.NewFolder("clone");
        var request = world.Request(workFolder: clone);

        await world.RunAsync(request);

        var token = world.GitHub.Token;
        Assert.Single(world.GitHub.PullRequests);
        Assert.DoesNotContain(token, File.ReadAllText(Path.Combine(clone, ".git", "config")), StringComparison.Ordinal);
        Assert.NotEmpty(world.Log.Lines);
        Assert.DoesNotContain(world.Log.Lines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(token, world.GitHub.PullRequests[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, world.GitHub.Issues[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, request.GitHub!.ToString(), StringComparison.Ordinal);
        foreach (var report in Directory.EnumerateFiles(request.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(token, File.ReadAllText(report), StringComparison.Ordinal);
        }
    }

    private static string ChangedFile(ScenarioWorld world, string commit)
    {
        var message = world.GitHub.CommitMessage(commit)!;
        var line = message.Split('\n').First(l => l.StartsWith("- ", StringComparison.Ordinal));
        return line[2..line.IndexOf(':', StringComparison.Ordinal)];
    }
}
