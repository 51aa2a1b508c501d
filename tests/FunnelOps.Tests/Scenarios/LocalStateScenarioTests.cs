using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using LibGit2Sharp;

namespace FunnelOps.Tests.Scenarios;

/// <summary>
/// Several weeks of local runs against a real site repository: the state file gives them GitHub's weekly behaviour.
/// </summary>
public sealed class LocalStateScenarioTests
{
    private static readonly TimeSpan OneWeek = TimeSpan.FromDays(7);

    [Fact]
    public async Task Three_weeks_commit_one_change_a_week_measure_the_merged_one_and_never_repeat_the_rejected_one()
    {
        await using var world = await LocalWorld.StartAsync();

        // Week 1 commits the first change and remembers it.
        var week1 = await world.RunAsync();
        var first = week1.Change!.Branch!;
        Assert.StartsWith("funnelops/2026-W49-", first, StringComparison.Ordinal);
        var remembered = Assert.Single(world.State().Changes);
        Assert.Equal((1, "2026-W49", first, "main", LocalChangeStatus.Open),
            (remembered.Number, remembered.Week, remembered.Branch, remembered.BaseBranch, remembered.Status));
        Assert.Equal(week1.Change.CommitId, remembered.Commit);
        Assert.Equal(week1.Change.Fix.Item.Finding.Fingerprint, remembered.Fingerprint);
        Assert.Equal(week1.Change.Fix.Item.Finding.Playbook.Id, remembered.Playbook);
        Assert.Equal([.. week1.Change.Fix.Item.Finding.Urls.Select(u => u.AbsoluteUri)], remembered.Pages);
        Assert.Contains(week1.Notes, n => n.Contains($"committed on the branch {first}", StringComparison.Ordinal));

        // A second run in the same week commits nothing new and says so.
        var again = await world.RunAsync();
        Assert.Null(again.Change);
        Assert.Equal([first], world.FunnelOpsBranches());
        Assert.Contains(again.Notes, n => n.StartsWith($"This week's change is already committed on the branch {first}",
            StringComparison.Ordinal));
        Assert.Single(world.State().Changes);

        // The team merges it into main (which the site serves) and deletes the branch, as GitHub does.
        world.MergeAsHuman(first);
        world.Clock.Advance(OneWeek);

        // Week 2 measures it, tells the outcome in the notes and the pull-request text, and commits the next change.
        var week2 = await world.RunAsync();
        var measured = world.State().Changes[0];
        Assert.Equal(LocalChangeStatus.Merged, measured.Status);
        Assert.Equal(ChangeOutcome.MergedImproved, measured.Outcome!.Outcome);
        Assert.False(measured.Outcome.StillFound);
        Assert.Contains(week2.Notes, n => n == $"Last change, on the branch {first} (2026-W49): merged, and the problem " +
            "is gone from the site.");
        var second = week2.Change!.Branch!;
        Assert.StartsWith("funnelops/2026-W50-", second, StringComparison.Ordinal);
        Assert.Contains($"## Last week's outcome\n\nThe change on the branch `{first}` (2026-W49) was merged, and the " +
            "problem is gone from the site.", week2.Change.PullRequest!.Body, StringComparison.Ordinal);
        Assert.Equal(2, world.State().Changes.Count);

        // The team says no to the second change: its branch is deleted without being merged.
        var rejected = week2.Change.Fix.Item.Finding.Fingerprint;
        world.DeleteAsHuman(second);
        world.Clock.Advance(OneWeek);

        // Week 3 remembers the no and proposes something else.
        var week3 = await world.RunAsync();
        var no = world.State().Changes[1];
        Assert.Equal(LocalChangeStatus.Rejected, no.Status);
        Assert.Equal(ChangeOutcome.Rejected, no.Outcome!.Outcome);
        Assert.Contains(week3.Notes, n => n.StartsWith($"The branch {second} (2026-W50) was deleted without being " +
            "merged. FunnelOps takes that as a no", StringComparison.Ordinal));
        Assert.Contains(rejected, week3.Findings.Select(f => f.Fingerprint));
        Assert.NotEqual(rejected, week3.Change!.Fix.Item.Finding.Fingerprint);
        Assert.StartsWith("funnelops/2026-W51-", week3.Change.Branch, StringComparison.Ordinal);
        Assert.Equal(3, world.State().Changes.Count);
        Assert.Equal("main", Head(world));
    }

    [Fact]
    public async Task While_last_weeks_branch_is_unmerged_the_next_week_waits()
    {
        await using var world = await LocalWorld.StartAsync();
        var week1 = await world.RunAsync();
        world.Clock.Advance(OneWeek);

        var week2 = await world.RunAsync();

        Assert.Null(week2.Change);
        Assert.Equal([week1.Change!.Branch!], world.FunnelOpsBranches());
        Assert.Contains(week2.Notes, n => n.StartsWith($"The change on the branch {week1.Change.Branch} from week " +
            "2026-W49 still waits for review", StringComparison.Ordinal));
        Assert.Equal(LocalChangeStatus.Open, Assert.Single(world.State().Changes).Status);
    }

    [Fact]
    public async Task A_deleted_branch_with_a_rejection_expiry_holds_until_then_and_no_longer()
    {
        await using var world = await LocalWorld.StartAsync();
        var request = world.Request() with { Cadence = new ChangeCadence(RejectionExpiry: OneWeek * 2) };
        var week1 = await world.RunAsync(request);
        var fingerprint = week1.Change!.Fix.Item.Finding.Fingerprint;
        world.DeleteAsHuman(week1.Change.Branch!);

        world.Clock.Advance(OneWeek);
        var week2 = await world.RunAsync(request);
        Assert.NotEqual(fingerprint, week2.Change!.Fix.Item.Finding.Fingerprint);
        Assert.Contains(week2.Notes, n => n.EndsWith("will not propose this change again before 2026-12-22.",
            StringComparison.Ordinal));
        world.DeleteAsHuman(week2.Change.Branch!);

        world.Clock.Advance(OneWeek * 2);
        var week4 = await world.RunAsync(request);
        Assert.Equal(fingerprint, week4.Change!.Fix.Item.Finding.Fingerprint);
    }

    [Fact]
    public async Task A_finding_that_comes_back_after_its_merged_fix_is_proposed_again_with_that_history()
    {
        await using var world = await LocalWorld.StartAsync();
        var week1 = await world.RunAsync();
        var file = week1.Change!.Fix.Files[0];
        world.MergeAsHuman(week1.Change.Branch!);
        world.CommitAsHuman(file.Mapping.RelativePath, file.Source.Text, "Restore the old page");
        world.Clock.Advance(OneWeek);

        var week2 = await world.RunAsync();

        Assert.Equal(week1.Change.Fix.Item.Finding.Fingerprint, week2.Change!.Fix.Item.Finding.Fingerprint);
        Assert.Contains($"## History of this finding\n\n- Fixed before on the branch `{week1.Change.Branch}` (2026-W49), " +
            "merged by 2026-12-08; the problem has come back on the site.", week2.Change.PullRequest!.Body,
            StringComparison.Ordinal);
        Assert.Equal(ChangeOutcome.MergedNoEffect, world.State().Changes[0].Outcome!.Outcome);
    }

    [Fact]
    public async Task A_change_committed_by_a_run_that_stopped_before_saving_its_state_is_remembered_not_repeated()
    {
        await using var world = await LocalWorld.StartAsync();
        var week1 = await world.RunAsync();
        File.Delete(world.DefaultStateFile);

        var again = await world.RunAsync();

        Assert.Null(again.Change);
        Assert.Equal([week1.Change!.Branch!], world.FunnelOpsBranches());
        var remembered = Assert.Single(world.State().Changes);
        Assert.Equal((week1.Change.Branch, week1.Change.CommitId), (remembered.Branch, remembered.Commit));
        Assert.Contains(again.Notes, n => n.Contains("by an earlier run that stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_state_file_lives_in_the_Git_folder_so_the_working_tree_stays_clean()
    {
        await using var world = await LocalWorld.StartAsync();

        await world.RunAsync();

        Assert.True(File.Exists(world.DefaultStateFile));
        var gitFolder = Path.Combine(world.RepositoryFolder, ".git") + Path.DirectorySeparatorChar;
        Assert.DoesNotContain(Directory.EnumerateFiles(world.RepositoryFolder, "*.json", SearchOption.AllDirectories),
            f => !f.StartsWith(gitFolder, StringComparison.Ordinal));
        using var repository = new Repository(world.RepositoryFolder);
        Assert.False(repository.RetrieveStatus(new StatusOptions { IncludeUntracked = true }).IsDirty);
        Assert.Contains("\"version\": 1", File.ReadAllText(world.DefaultStateFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_given_by_path_is_used_instead_of_the_default()
    {
        await using var world = await LocalWorld.StartAsync();
        var elsewhere = world.NewPath("state/funnelops.json");

        var week1 = await world.RunAsync(world.Request(elsewhere));

        Assert.Equal(week1.Change!.Branch, Assert.Single(world.State(elsewhere).Changes).Branch);
        Assert.False(File.Exists(world.DefaultStateFile));
    }

    [Fact]
    public async Task A_repository_with_a_commit_checked_out_instead_of_a_branch_is_left_as_it_was()
    {
        await using var world = await LocalWorld.StartAsync();
        string tip;
        using (var repository = new LibGit2Sharp.Repository(world.RepositoryFolder))
        {
            tip = repository.Head.Tip.Sha;
            LibGit2Sharp.Commands.Checkout(repository, repository.Head.Tip);
        }

        var run = await world.RunAsync();

        Assert.Null(run.Change?.Branch);
        Assert.Contains(run.Notes, n => n.Contains("single commit checked out", StringComparison.Ordinal));
        Assert.Empty(world.FunnelOpsBranches());
        using var after = new LibGit2Sharp.Repository(world.RepositoryFolder);
        Assert.True(after.Info.IsHeadDetached);
        Assert.Equal(tip, after.Head.Tip.Sha);
        Assert.Empty(world.State().Changes);
    }

    [Fact]
    public async Task A_state_file_in_the_working_tree_must_be_ignored_by_Git()
    {
        await using var world = await LocalWorld.StartAsync();
        var inTree = Path.Combine(world.RepositoryFolder, "funnelops-state.json");

        var exception = await Assert.ThrowsAsync<LocalStateException>(() => world.RunAsync(world.Request(inTree)));

        Assert.Contains("Add funnelops-state.json to .gitignore", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(inTree));
        Assert.Empty(world.FunnelOpsBranches());
    }

    [Fact]
    public async Task A_state_file_in_the_working_tree_that_Git_ignores_is_used()
    {
        await using var world = await LocalWorld.StartAsync();
        world.CommitAsHuman(".gitignore", "funnelops-state.json\n", "Ignore FunnelOps' state");
        var inTree = Path.Combine(world.RepositoryFolder, "funnelops-state.json");

        var week1 = await world.RunAsync(world.Request(inTree));

        Assert.Equal(week1.Change!.Branch, Assert.Single(world.State(inTree).Changes).Branch);
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"changes\": [ { \"number\": ", "is damaged and could not be read")]
    [InlineData("{ \"version\": 2, \"changes\": [] }", "is in format version 2")]
    [InlineData("[]", "has no \"version\" number")]
    public async Task A_damaged_or_newer_state_file_stops_the_run_names_the_file_and_is_left_as_it_was(
        string contents, string problem)
    {
        await using var world = await LocalWorld.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(world.DefaultStateFile)!);
        File.WriteAllText(world.DefaultStateFile, contents);

        var exception = await Assert.ThrowsAsync<LocalStateException>(() => world.RunAsync());

        Assert.Contains(world.DefaultStateFile, exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.Contains("left it as it was", exception.Message, StringComparison.Ordinal);
        Assert.Equal(contents, File.ReadAllText(world.DefaultStateFile));
        Assert.Empty(world.FunnelOpsBranches());
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(world.DefaultStateFile)!));
    }

    private static string Head(LocalWorld world)
    {
        using var repository = new Repository(world.RepositoryFolder);
        return repository.Head.FriendlyName;
    }
}
