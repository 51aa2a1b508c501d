using FunnelOps.Classification;
using FunnelOps.Fixes;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;
using FunnelOps.Verification;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunnelOps.Tests.Publishing;

public sealed class LocalPublisherTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly string PricingPage = Html.Page("Pricing",
        """<meta name="viewport" content="width=device-width, initial-scale=1">""" + "\n" +
        """<meta name="description" content="Keelboard pricing for engineering teams: Team, Business and Enterprise plans with a free trial.">""" + "\n" +
        """<meta name="robots" content="noindex">""",
        """<p>Plans for every team size.</p>""");

    [Fact]
    public async Task A_verified_fix_is_committed_on_its_own_branch_and_the_checked_out_branch_is_left_as_it_was()
    {
        await using var fixture = await Fixture.StartAsync(("pricing/index.html", PricingPage));
        var notes = new List<string>();

        var change = await fixture.PublishAsync(fixture.Plan(), dryRun: false, notes);

        Assert.NotNull(change);
        Assert.True(change.Verification.Passed, change.Verification.Summary);
        Assert.Equal("funnelops/2026-W49-noindex-decision-page-pricing", change.Branch);
        Assert.Equal("main", fixture.Repository.CurrentBranch);
        Assert.True(fixture.Repository.IsClean);
        Assert.Equal(PricingPage, fixture.Site.Folder.Read("pricing/index.html"));
        Assert.Contains("-<meta name=\"robots\" content=\"noindex\">", change.Diff);
        Assert.Empty(notes);
    }

    [Fact]
    public async Task A_dry_run_verifies_and_describes_the_change_but_commits_nothing()
    {
        await using var fixture = await Fixture.StartAsync(("pricing/index.html", PricingPage));

        var change = await fixture.PublishAsync(fixture.Plan(), dryRun: true, []);

        Assert.NotNull(change!.PullRequest);
        Assert.Null(change.Branch);
        Assert.False(fixture.Repository.BranchExists("funnelops/2026-W49-noindex-decision-page-pricing"));
        Assert.True(fixture.Repository.IsClean);
    }

    [Fact]
    public async Task A_repository_with_uncommitted_changes_is_left_untouched()
    {
        await using var fixture = await Fixture.StartAsync(("pricing/index.html", PricingPage));
        fixture.Site.Folder.Write("notes.txt", "work in progress");
        var notes = new List<string>();

        var change = await fixture.PublishAsync(fixture.Plan(), dryRun: false, notes);

        Assert.Null(change);
        Assert.Contains(notes, n => n.Contains("uncommitted changes", StringComparison.Ordinal));
        Assert.Equal(PricingPage, fixture.Site.Folder.Read("pricing/index.html"));
        Assert.Equal("work in progress", fixture.Site.Folder.Read("notes.txt"));
    }

    [Fact]
    public async Task A_second_run_in_the_same_week_commits_nothing_new()
    {
        await using var fixture = await Fixture.StartAsync(("pricing/index.html", PricingPage));
        await fixture.PublishAsync(fixture.Plan(), dryRun: false, []);
        var notes = new List<string>();

        var second = await fixture.PublishAsync(fixture.Plan(), dryRun: false, notes);

        Assert.Null(second);
        Assert.Contains(notes, n => n.Contains("already on the branch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fix_that_does_not_remove_its_finding_is_caught_and_nothing_is_committed()
    {
        await using var fixture = await Fixture.StartAsync(("pricing/index.html", PricingPage));
        var honest = fixture.Plan();
        var file = honest.Files[0];

        // An edit that changes the file but leaves the noindex in place.
        var useless = honest with { Files = [file with { NewText = file.Source.Text.Replace("<p>", "<p>Now ", StringComparison.Ordinal) }] };
        var notes = new List<string>();
        var change = await fixture.PublishAsync(useless, dryRun: false, notes);

        Assert.False(change!.Verification.Passed);
        Assert.Contains("still fails", change.Verification.Summary);
        Assert.Null(change.Branch);
        Assert.Null(change.PullRequest);
        Assert.False(fixture.Repository.BranchExists("funnelops/2026-W49-noindex-decision-page-pricing"));
        Assert.Equal(PricingPage, fixture.Site.Folder.Read("pricing/index.html"));
        Assert.True(fixture.Repository.IsClean);
    }

    [Fact]
    public async Task A_fix_that_causes_a_new_problem_is_caught()
    {
        await using var fixture = await Fixture.StartAsync(("pricing/index.html", PricingPage));
        var honest = fixture.Plan();
        var file = honest.Files[0];

        // Removes the noindex but also the viewport: the page no longer fits phones.
        var harmful = honest with
        {
            Files = [file with { NewText = file.NewText.Replace("""<meta name="viewport" content="width=device-width, initial-scale=1">""", "", StringComparison.Ordinal) }],
        };
        var change = await fixture.PublishAsync(harmful, dryRun: false, []);

        Assert.False(change!.Verification.Passed);
        Assert.Contains("viewport-missing on /pricing/", change.Verification.NewProblems);
        Assert.True(fixture.Repository.IsClean);
    }

    private sealed class Fixture : IAsyncDisposable
    {
        private Fixture(ServedSite site, GitRepository repository, Pipeline pipeline)
        {
            Site = site;
            Repository = repository;
            Pipeline = pipeline;
        }

        public ServedSite Site { get; }

        public GitRepository Repository { get; }

        public Pipeline Pipeline { get; }

        public static async Task<Fixture> StartAsync(params (string Path, string Contents)[] files)
        {
            var site = await ServedSite.StartAsync(files);
            var repository = GitRepository.InitializeFrom(site.Folder.Path, "main", "Site", Monday);
            var pipeline = await Pipeline.RunAsync(site.Url("/pricing/"));
            return new Fixture(site, repository, pipeline);
        }

        public Fix Plan() =>
            new FixPlanner(FixPlanner.BuiltIn).Plan(Pipeline.Backlog, Pipeline.Crawl, Site.Folder.Path, new HashSet<string>()).Fix
            ?? throw new InvalidOperationException("No fix was planned.");

        public Task<ChangeResult?> PublishAsync(Fix fix, bool dryRun, List<string> notes)
        {
            var verifier = new FixVerifier(Engine.Crawler(), new StageClassifier([]), Pipeline.Playbooks, renderer: null);
            var publisher = new LocalPublisher(Repository, verifier, new FakeTimeProvider(Monday), NullLogger.Instance);
            var context = new PublishContext(Week.Of(Monday, TimeZoneInfo.Utc), Pipeline.Backlog, Pipeline.Findings,
                new Dictionary<Uri, RenderResult>(), Pipeline.Options, new Economics(), dryRun);
            return publisher.PublishAsync(fix, context, notes, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            Repository.Dispose();
            await Site.DisposeAsync();
        }
    }
}
