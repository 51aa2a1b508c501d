using FunnelOps.GitHubEmulator;
using Octokit;

namespace FunnelOps.Tests.GitHubEmulator;

/// <summary>Octokit opens, lists, updates and merges pull requests against the emulated GitHub.</summary>
public sealed class PullRequestEmulationTests
{
    [Fact]
    public async Task Octokit_reads_the_repository_and_its_default_branch()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);

        var repository = await client.Repository.Get(github.Owner, github.RepositoryName);
        var branches = await client.Repository.Branch.GetAll(github.Owner, github.RepositoryName);
        var main = await client.Repository.Branch.Get(github.Owner, github.RepositoryName, "main");

        Assert.Equal("main", repository.DefaultBranch);
        Assert.Equal($"{github.Owner}/{github.RepositoryName}", repository.FullName);
        Assert.Equal(["main"], branches.Select(b => b.Name));
        Assert.Equal(github.Branches["main"], main.Commit.Sha);
    }

    [Fact]
    public async Task Octokit_opens_a_pull_request_and_finds_it_by_head_branch()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        var head = Emulators.PushFeatureBranch(github, "funnelops/2026-w49-pricing");

        var created = await client.PullRequest.Create(github.Owner, github.RepositoryName,
            new NewPullRequest("Sharper pricing headline", "funnelops/2026-w49-pricing", "main") { Body = "Why it matters" });
        var byHead = await client.PullRequest.GetAllForRepository(github.Owner, github.RepositoryName,
            new PullRequestRequest { Head = $"{github.Owner}:funnelops/2026-w49-pricing", State = ItemStateFilter.Open });
        var otherHead = await client.PullRequest.GetAllForRepository(github.Owner, github.RepositoryName,
            new PullRequestRequest { Head = $"{github.Owner}:some-other-branch" });

        Assert.Equal(1, created.Number);
        Assert.Equal(head, created.Head.Sha);
        Assert.Equal("main", created.Base.Ref);
        Assert.Equal(github.TokenOwner, created.User.Login);
        Assert.Equal(ItemState.Open, created.State.Value);
        Assert.Equal([1], byHead.Select(p => p.Number));
        Assert.Empty(otherHead);
        Assert.Equal("Why it matters", github.PullRequest(1).Body);
    }

    [Fact]
    public async Task A_second_pull_request_for_the_same_head_is_refused_as_on_GitHub()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        Emulators.PushFeatureBranch(github, "funnelops/x");
        var request = new NewPullRequest("One", "funnelops/x", "main");
        await client.PullRequest.Create(github.Owner, github.RepositoryName, request);

        var refused = await Assert.ThrowsAsync<ApiValidationException>(
            () => client.PullRequest.Create(github.Owner, github.RepositoryName, request));

        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains(refused.ApiError.Errors, e => e.Message == $"A pull request already exists for {github.Owner}:funnelops/x.");
        Assert.Single(github.PullRequests);
    }

    [Fact]
    public async Task Merging_through_the_API_writes_a_real_merge_commit_on_the_base_branch()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        var baseBefore = github.Branches["main"];
        var head = Emulators.PushFeatureBranch(github, "funnelops/merge-me");
        var pull = await client.PullRequest.Create(github.Owner, github.RepositoryName,
            new NewPullRequest("Merge me", "funnelops/merge-me", "main"));

        var result = await client.PullRequest.Merge(github.Owner, github.RepositoryName, pull.Number,
            new MergePullRequest { Sha = head });
        var merged = await client.PullRequest.Get(github.Owner, github.RepositoryName, pull.Number);

        Assert.True(result.Merged);
        Assert.Equal(result.Sha, github.Branches["main"]);
        Assert.Equal([baseBefore, head], github.CommitParents(result.Sha));
        Assert.Equal("<h1>Pricing that converts</h1>", github.ReadFile("main", "pricing/index.html"));
        Assert.True(merged.Merged);
        Assert.Equal(result.Sha, merged.MergeCommitSha);
        Assert.NotNull(merged.MergedAt);
        Assert.Equal(ItemState.Closed, merged.State.Value);
    }

    [Fact]
    public async Task A_merge_with_a_stale_head_sha_is_refused_and_changes_nothing()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        var first = Emulators.PushFeatureBranch(github, "funnelops/moving");
        var pull = await client.PullRequest.Create(github.Owner, github.RepositoryName,
            new NewPullRequest("Moving", "funnelops/moving", "main"));
        github.PushAsHuman("funnelops/moving", new Dictionary<string, string?> { ["extra.txt"] = "human edit" }, "Human edit");
        var mainBefore = github.Branches["main"];

        var refused = await Assert.ThrowsAsync<PullRequestMismatchException>(() => client.PullRequest.Merge(
            github.Owner, github.RepositoryName, pull.Number, new MergePullRequest { Sha = first }));

        Assert.Equal(409, (int)refused.StatusCode);
        Assert.Equal(mainBefore, github.Branches["main"]);
        Assert.False(github.PullRequest(pull.Number).Merged);
    }

    [Fact]
    public async Task Updating_and_closing_a_pull_request_through_the_API_is_seen_by_the_control_API()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        Emulators.PushFeatureBranch(github, "funnelops/edit");
        var pull = await client.PullRequest.Create(github.Owner, github.RepositoryName,
            new NewPullRequest("Draft title", "funnelops/edit", "main"));

        await client.PullRequest.Update(github.Owner, github.RepositoryName, pull.Number,
            new PullRequestUpdate { Title = "Final title", Body = "New body" });
        await client.PullRequest.ReviewRequest.Create(github.Owner, github.RepositoryName, pull.Number,
            new PullRequestReviewRequest(["marketing-lead"], []));
        await client.PullRequest.Update(github.Owner, github.RepositoryName, pull.Number,
            new PullRequestUpdate { State = ItemState.Closed });
        var closed = await client.PullRequest.GetAllForRepository(github.Owner, github.RepositoryName,
            new PullRequestRequest { State = ItemStateFilter.Closed });

        var snapshot = github.PullRequest(pull.Number);
        Assert.Equal(("Final title", "New body", "closed", false), (snapshot.Title, snapshot.Body, snapshot.State, snapshot.Merged));
        Assert.Equal(["marketing-lead"], snapshot.RequestedReviewers);
        Assert.Equal([pull.Number], closed.Select(p => p.Number));
    }

    [Fact]
    public async Task A_human_merge_and_close_show_up_in_the_API()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        Emulators.PushFeatureBranch(github, "funnelops/a");
        github.PushAsHuman("funnelops/b", new Dictionary<string, string?> { ["about.html"] = "<h1>About</h1>" }, "About page");
        var a = await client.PullRequest.Create(github.Owner, github.RepositoryName, new NewPullRequest("A", "funnelops/a", "main"));
        var b = await client.PullRequest.Create(github.Owner, github.RepositoryName, new NewPullRequest("B", "funnelops/b", "main"));

        var mergeSha = github.MergePullRequestAsHuman(a.Number, "squash");
        github.ClosePullRequestAsHuman(b.Number);
        var all = await client.PullRequest.GetAllForRepository(github.Owner, github.RepositoryName,
            new PullRequestRequest { State = ItemStateFilter.All });

        var mergedA = all.Single(p => p.Number == a.Number);
        var closedB = all.Single(p => p.Number == b.Number);
        Assert.Equal(mergeSha, mergedA.MergeCommitSha);
        Assert.NotNull(mergedA.MergedAt);
        Assert.Single(github.CommitParents(mergeSha)!);
        Assert.Null(closedB.MergedAt);
        Assert.NotNull(closedB.ClosedAt);
        Assert.Equal(github.HumanLogin, github.CommitAuthor(mergeSha));
    }

    [Fact]
    public async Task Listing_follows_GitHub_pagination_through_Link_headers()
    {
        await using var github = await Emulators.StartSeededAsync();
        var client = Emulators.Octokit(github);
        for (var i = 0; i < 5; i++)
        {
            Emulators.PushFeatureBranch(github, $"funnelops/page-{i}", $"<h1>{i}</h1>");
            await client.PullRequest.Create(github.Owner, github.RepositoryName, new NewPullRequest($"P{i}", $"funnelops/page-{i}", "main"));
        }

        var all = await client.PullRequest.GetAllForRepository(github.Owner, github.RepositoryName,
            new ApiOptions { PageSize = 2 });

        Assert.Equal([5, 4, 3, 2, 1], all.Select(p => p.Number));
        Assert.Equal(3, github.Requests.Count(r => r.Route == GitHubRoutes.ListPullRequests));
    }
}
