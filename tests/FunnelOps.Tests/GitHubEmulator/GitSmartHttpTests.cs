using System.Diagnostics;
using FunnelOps.GitHubEmulator;
using FunnelOps.Tests.Support;
using LibGit2Sharp;

namespace FunnelOps.Tests.GitHubEmulator;

/// <summary>LibGit2Sharp and the git command line clone, fetch and push over the emulator's smart HTTP.</summary>
public sealed class GitSmartHttpTests
{
    [Fact]
    public async Task LibGit2Sharp_clones_with_the_token_and_pushes_a_new_branch()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();

        var path = Repository.Clone(github.CloneUrl, work.Path, new CloneOptions { FetchOptions = { CredentialsProvider = Token(github) } });
        string pushed;
        using (var repository = new Repository(path))
        {
            File.WriteAllText(Path.Combine(work.Path, "index.html"), "<h1>Acme, faster</h1>\n");
            Commands.Stage(repository, "index.html");
            var bot = new Signature("FunnelOps", "bot@funnelops.test", DateTimeOffset.UtcNow);
            pushed = repository.Commit("Faster hero", bot, bot).Sha;
            var branch = repository.CreateBranch("funnelops/2026-w49-hero");
            repository.Network.Push(repository.Network.Remotes["origin"], $"{branch.CanonicalName}:{branch.CanonicalName}",
                new PushOptions { CredentialsProvider = Token(github) });
        }

        Assert.Equal(pushed, github.Branches["funnelops/2026-w49-hero"]);
        Assert.Equal("<h1>Acme, faster</h1>\n", github.ReadFile("funnelops/2026-w49-hero", "index.html"));
        Assert.DoesNotContain(github.Token, File.ReadAllText(Path.Combine(path, "config")), StringComparison.Ordinal);
        Assert.Contains(github.Requests, r => r.Route == GitHubRoutes.GitReceivePack && r.StatusCode == 200);
    }

    [Fact]
    public async Task A_shallow_fetch_over_HTTP_brings_only_the_tip()
    {
        await using var github = await Emulators.StartSeededAsync();
        github.PushAsHuman("main", new Dictionary<string, string?> { ["about.html"] = "<h1>About</h1>" }, "About page");
        using var work = new TempFolder();

        var path = Repository.Clone(github.CloneUrl, work.Path,
            new CloneOptions { FetchOptions = { CredentialsProvider = Token(github), Depth = 1 } });

        using var repository = new Repository(path);
        Assert.True(repository.Info.IsShallow);
        Assert.Single(repository.Commits);
        Assert.Equal(github.Branches["main"], repository.Head.Tip.Sha);
    }

    [Fact]
    public async Task Git_without_the_token_or_with_a_wrong_one_is_answered_401()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();
        using var other = new TempFolder();

        Assert.ThrowsAny<LibGit2SharpException>(() => Repository.Clone(github.CloneUrl, work.Path));
        Assert.ThrowsAny<LibGit2SharpException>(() => Repository.Clone(github.CloneUrl, other.Path, new CloneOptions
        {
            FetchOptions = { CredentialsProvider = (_, _, _) => new UsernamePasswordCredentials { Username = "x-access-token", Password = "wrong" } },
        }));

        Assert.Contains(github.Requests, r => r.Route == GitHubRoutes.GitInfoRefs && r.StatusCode == 401);
        Assert.DoesNotContain(github.Requests, r => r.Route == GitHubRoutes.GitInfoRefs && r.StatusCode == 200);
    }

    [Fact]
    public async Task The_git_command_line_clones_and_pushes_with_gzipped_requests()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();
        var authenticated = github.CloneUrl.Replace("http://", $"http://x-access-token:{github.Token}@", StringComparison.Ordinal);

        Git(work.Path, "clone", "--quiet", authenticated, "clone");
        var clone = Path.Combine(work.Path, "clone");
        for (var i = 0; i < 40; i++)
        {
            // Many refs make the fetch negotiation large enough that git gzips its request body.
            github.CreateBranch($"funnelops/history-{i:D2}", "main");
        }

        Git(clone, "fetch", "--quiet", "origin", "+refs/heads/*:refs/remotes/origin/*");
        File.WriteAllText(Path.Combine(clone, "new.html"), "<h1>New</h1>");
        Git(clone, "-c", "user.name=Human", "-c", "user.email=human@acme.test", "add", "new.html");
        Git(clone, "-c", "user.name=Human", "-c", "user.email=human@acme.test", "commit", "--quiet", "-m", "New page");
        Git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/human-change");

        Assert.Equal(Git(clone, "rev-parse", "HEAD").Trim(), github.Branches["human-change"]);
        // main, the 40 fetched branches and the pushed one; "origin/HEAD -> origin/main" is not a branch.
        var remoteBranches = Git(clone, "branch", "-r").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.Contains("->", StringComparison.Ordinal));
        Assert.Equal(42, remoteBranches.Count());
    }

    [Fact]
    public async Task A_rejected_push_is_declined_by_the_pre_receive_hook_and_writes_nothing()
    {
        await using var github = await Emulators.StartSeededAsync();
        using var work = new TempFolder();
        var path = Repository.Clone(github.CloneUrl, work.Path, new CloneOptions { FetchOptions = { CredentialsProvider = Token(github) } });
        github.Faults.RejectNextPush("GH006: Protected branch update failed.");
        var errors = new List<string>();

        using var repository = new Repository(path);
        var bot = new Signature("FunnelOps", "bot@funnelops.test", DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(work.Path, "index.html"), "<h1>Changed</h1>");
        Commands.Stage(repository, "index.html");
        repository.Commit("Change", bot, bot);
        var push = new PushOptions
        {
            CredentialsProvider = Token(github),
            OnPushStatusError = e => errors.Add(e.Message),
        };
        repository.Network.Push(repository.Network.Remotes["origin"], "HEAD:refs/heads/funnelops/rejected", push);
        var afterRejection = github.Branches.ContainsKey("funnelops/rejected");
        repository.Network.Push(repository.Network.Remotes["origin"], "HEAD:refs/heads/funnelops/rejected", push);

        Assert.False(afterRejection);
        Assert.Single(errors);
        Assert.Contains("pre-receive", errors[0], StringComparison.Ordinal);
        Assert.True(github.Branches.ContainsKey("funnelops/rejected"));
        Assert.Equal(0, github.Faults.Pending);
    }

    internal static LibGit2Sharp.Handlers.CredentialsHandler Token(EmulatedGitHub github) =>
        (_, _, _) => new UsernamePasswordCredentials { Username = "x-access-token", Password = github.Token };

    private static string Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }
}
