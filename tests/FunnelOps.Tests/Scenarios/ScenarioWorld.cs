using FunnelOps.GitHubEmulator;
using FunnelOps.Publishing;
using FunnelOps.Serving;
using FunnelOps.Tests.Support;
using LibGit2Sharp;

namespace FunnelOps.Tests.Scenarios;

/// <summary>
/// Everything around weekly runs, for real: an emulated GitHub holding the site repository (seeded with the
/// sample site), the site deployed from its default branch and served over HTTP on loopback, a fake clock that
/// starts on Tuesday of ISO week 2026-W49, and a captured log.
/// </summary>
internal sealed class ScenarioWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _scratch;
    private readonly StaticSiteServer _server;

    private ScenarioWorld(EmulatedGitHub github, AdvancingClock clock, TempFolder scratch, StaticSiteServer server)
    {
        GitHub = github;
        Clock = clock;
        _scratch = scratch;
        _server = server;
    }

    public EmulatedGitHub GitHub { get; }

    public AdvancingClock Clock { get; }

    public CapturingLogger<WeeklyRun> Log { get; } = new();

    public string DeployedFolder => Path.Combine(_scratch.Path, "deployed");

    public Uri Site => _server.Address;

    public static async Task<ScenarioWorld> StartAsync(string? siteFolder = null)
    {
        var clock = new AdvancingClock(Start);
        var github = await EmulatedGitHub.StartAsync(new EmulatedGitHubOptions
        {
            SeedFolder = siteFolder ?? Engine.SampleSite,
            Time = clock,
        });
        var scratch = new TempFolder();
        Repository.Clone(github.CloneUrl, Path.Combine(scratch.Path, "deployed"), new CloneOptions
        {
            FetchOptions = { CredentialsProvider = (_, _, _) => Credentials(github) },
        });
        var server = await StaticSiteServer.StartAsync(Path.Combine(scratch.Path, "deployed"), CancellationToken.None);
        return new ScenarioWorld(github, clock, scratch, server);
    }

    /// <summary>Deploys the default branch's tip, as the site's hosting does after a merge.</summary>
    public void Redeploy()
    {
        using var repository = new Repository(DeployedFolder);
        Commands.Fetch(repository, "origin", ["+refs/heads/main:refs/remotes/origin/main"],
            new FetchOptions { CredentialsProvider = (_, _, _) => Credentials(GitHub) }, null);
        repository.Reset(ResetMode.Hard, repository.Branches["origin/main"].Tip);
    }

    public RunRequest Request(string? workFolder = null, Func<GitHubPublishing, GitHubPublishing>? configure = null)
    {
        var publishing = new GitHubPublishing
        {
            Remote = new RemoteAccess(new Uri(GitHub.CloneUrl), GitHub.Token),
            ApiUrl = new Uri(GitHub.ApiUrl),
            WorkFolder = workFolder,
        };
        return new RunRequest
        {
            Site = Site,
            OutputDirectory = Path.Combine(_scratch.Path, "out-" + Guid.NewGuid().ToString("N")[..6]),
            Render = RenderMode.None,
            PlaybookPaths = [Engine.BuiltInPlaybooks],
            GitHub = configure is null ? publishing : configure(publishing),
        };
    }

    public Task<RunResult> RunAsync(RunRequest? request = null) =>
        new WeeklyRun(Engine.Crawler(), Log, Clock).RunAsync(request ?? Request(), new SilentObserver(),
            CancellationToken.None);

    public string NewFolder(string name) => Path.Combine(_scratch.Path, name);

    /// <summary>
    /// The state of GitHub that matters to the team, independent of numbering and timing: branches, pull requests
    /// (branch, state, labels, and the finding they fix), issues (title, labels) and the count of comments.
    /// </summary>
    public string Outline()
    {
        var branches = string.Join(",", GitHub.Branches.Keys.Order(StringComparer.Ordinal));
        var pulls = string.Join(";", GitHub.PullRequests.Select(p =>
            $"{p.HeadRef}|{p.State}|{p.Merged}|{string.Join("+", p.Labels.Order(StringComparer.Ordinal))}|" +
            string.Join("+", ChangeStateBlock.Read(p.Body)?.Fingerprints ?? [])));
        var issues = string.Join(";", GitHub.Issues.Select(i => $"{i.Title}|{i.State}|{string.Join("+", i.Labels)}"));
        return $"branches: {branches}\npulls: {pulls}\nissues: {issues}";
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await GitHub.DisposeAsync();
        _scratch.Dispose();
    }

    private static UsernamePasswordCredentials Credentials(EmulatedGitHub github) =>
        new() { Username = "x-access-token", Password = github.Token };
}
