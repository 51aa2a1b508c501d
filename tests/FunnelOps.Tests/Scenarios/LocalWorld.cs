using FunnelOps.Publishing;
using FunnelOps.Serving;
using FunnelOps.Tests.Support;
using LibGit2Sharp;

namespace FunnelOps.Tests.Scenarios;

/// <summary>
/// Everything around local weekly runs, for real: the sample site in a Git repository on a <c>main</c> branch, its
/// working tree served over HTTP on loopback (so merging into the checked-out <c>main</c> deploys the change), a
/// fake clock that starts on Tuesday of ISO week 2026-W49, and a captured log.
/// </summary>
internal sealed class LocalWorld : IAsyncDisposable
{
    private readonly TempFolder _scratch;
    private readonly StaticSiteServer _server;

    private LocalWorld(TempFolder scratch, StaticSiteServer server)
    {
        _scratch = scratch;
        _server = server;
    }

    public AdvancingClock Clock { get; } = new(ScenarioWorld.Start);

    public CapturingLogger<WeeklyRun> Log { get; } = new();

    public string RepositoryFolder => Path.Combine(_scratch.Path, "site");

    public string DefaultStateFile => Path.Combine(RepositoryFolder, ".git", "funnelops", "state.json");

    public static async Task<LocalWorld> StartAsync()
    {
        var scratch = new TempFolder();
        var folder = Path.Combine(scratch.Path, "site");
        foreach (var file in Directory.EnumerateFiles(Engine.SampleSite, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Engine.SampleSite, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        GitRepository.InitializeFrom(folder, "main", "The Keelboard site", ScenarioWorld.Start.AddDays(-30)).Dispose();
        var server = await StaticSiteServer.StartAsync(folder, CancellationToken.None);
        return new LocalWorld(scratch, server);
    }

    public RunRequest Request(string? statePath = null) => new()
    {
        Site = _server.Address,
        RepositoryPath = RepositoryFolder,
        StatePath = statePath,
        OutputDirectory = Path.Combine(_scratch.Path, "out-" + Guid.NewGuid().ToString("N")[..6]),
        Render = RenderMode.None,
        PlaybookPaths = [Engine.BuiltInPlaybooks],
    };

    public Task<RunResult> RunAsync(RunRequest? request = null) =>
        new WeeklyRun(Engine.Crawler(), Log, Clock).RunAsync(request ?? Request(), new SilentObserver(),
            CancellationToken.None);

    /// <summary>Merges <paramref name="branch"/> into the checked-out main with a merge commit, as a reviewer would.</summary>
    public void MergeAsHuman(string branch, bool deleteBranch = true)
    {
        using var repository = new Repository(RepositoryFolder);
        var reviewer = new Signature("Maya Okafor", "maya@example.com", Clock.GetUtcNow());
        var result = repository.Merge(repository.Branches[branch], reviewer,
            new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward });
        Assert.Equal(MergeStatus.NonFastForward, result.Status);
        if (deleteBranch)
        {
            repository.Branches.Remove(branch);
        }
    }

    /// <summary>Deletes <paramref name="branch"/> without merging it: the team's "no".</summary>
    public void DeleteAsHuman(string branch)
    {
        using var repository = new Repository(RepositoryFolder);
        repository.Branches.Remove(branch);
    }

    /// <summary>Commits <paramref name="contents"/> as <paramref name="path"/> on the checked-out main.</summary>
    public void CommitAsHuman(string path, string contents, string message)
    {
        using var repository = new Repository(RepositoryFolder);
        File.WriteAllText(Path.Combine(RepositoryFolder, path), contents);
        Commands.Stage(repository, path);
        var author = new Signature("Daniel Reyes", "daniel@example.com", Clock.GetUtcNow());
        repository.Commit(message, author, author);
    }

    public IReadOnlyList<string> FunnelOpsBranches()
    {
        using var repository = new Repository(RepositoryFolder);
        return [.. repository.Branches.Select(b => b.FriendlyName)
            .Where(n => n.StartsWith(ChangeNaming.BranchPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    public LocalState State(string? path = null) => LocalStateFile.Read(path ?? DefaultStateFile);

    public string NewPath(string name) => Path.Combine(_scratch.Path, name);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _scratch.Dispose();
    }
}
