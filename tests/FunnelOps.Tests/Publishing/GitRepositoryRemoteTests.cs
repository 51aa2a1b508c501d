using FunnelOps.GitHubEmulator;
using FunnelOps.Publishing;
using FunnelOps.Tests.GitHubEmulator;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Publishing;

/// <summary>Cloning and pushing the site repository over the emulator's smart HTTP.</summary>
public sealed class GitRepositoryRemoteTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_shallow_clone_takes_the_token_from_the_callback_and_never_writes_it_down()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();

        using var clone = GitRepository.Clone(Remote(github), Path.Combine(work.Path, "site"), "main");

        Assert.Equal("main", clone.CurrentBranch);
        Assert.Equal(github.Branches["main"], clone.TipOf("main"));
        Assert.Single(clone.RecentCommitSubjects(10));
        var config = File.ReadAllText(Path.Combine(work.Path, "site", ".git", "config"));
        Assert.Contains(github.CloneUrl, config, StringComparison.Ordinal);
        Assert.DoesNotContain(github.Token, config, StringComparison.Ordinal);
        Assert.DoesNotContain(github.Token, Remote(github).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_fails_the_clone_with_what_to_check()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();

        var failure = Assert.Throws<SiteRepositoryException>(() => GitRepository.Clone(
            new RemoteAccess(new Uri(github.CloneUrl), "wrong-token"), Path.Combine(work.Path, "site"), "main"));

        Assert.Contains("that the token may read the repository", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_FunnelOps_branches_are_pushed_never_the_base_branch()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();
        using var clone = CloneWithCommit(github, work, "feature/hero");

        Assert.Throws<SiteRepositoryException>(() => clone.Push(Remote(github), "main", "main", github.Branches["main"]));
        Assert.Throws<SiteRepositoryException>(() => clone.Push(Remote(github), "feature/hero", "main", null));

        Assert.DoesNotContain(github.Requests, r => r.Route == GitHubRoutes.GitReceivePack);
    }

    [Fact]
    public async Task A_branch_is_replaced_only_while_it_still_points_where_FunnelOps_left_it()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();
        const string branch = "funnelops/2026-W49-test-home";
        using var clone = CloneWithCommit(github, work, branch);
        clone.Push(Remote(github), branch, "main", expectedRemoteTip: null);
        var ours = github.Branches[branch];
        var human = github.PushAsHuman(branch, new Dictionary<string, string?> { ["index.html"] = "<h1>Mine</h1>" }, "Human edit");

        var moved = Assert.Throws<SiteRepositoryException>(() => clone.Push(Remote(github), branch, "main", ours));
        var exists = Assert.Throws<SiteRepositoryException>(() => clone.Push(Remote(github), branch, "main", null));

        Assert.Contains("someone else pushed to it", moved.Message, StringComparison.Ordinal);
        Assert.Contains("not where FunnelOps left it", exists.Message, StringComparison.Ordinal);
        Assert.Equal(human, github.Branches[branch]);
        Assert.Equal(human, GitRepository.RemoteTip(Remote(github), branch));
    }

    private static RemoteAccess Remote(EmulatedGitHub github) => new(new Uri(github.CloneUrl), github.Token);

    private static GitRepository CloneWithCommit(EmulatedGitHub github, TempFolder work, string branch)
    {
        var clone = GitRepository.Clone(Remote(github), Path.Combine(work.Path, "site"), "main");
        clone.CreateAndCheckout(branch);
        File.WriteAllText(Path.Combine(clone.WorkingDirectory, "index.html"), "<h1>Acme, faster</h1>\n");
        clone.Commit(["index.html"], "Faster hero\n\nFunnelOps-Finding: abc\n", Monday);
        return clone;
    }
}
