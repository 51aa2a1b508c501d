using FunnelOps.Classification;
using FunnelOps.Fixes;
using FunnelOps.Prioritization;
using FunnelOps.Rendering;
using FunnelOps.Serving;
using FunnelOps.Tests.Support;
using FunnelOps.Verification;

namespace FunnelOps.Tests.Verification;

/// <summary>
/// A Hugo site end to end: built with Debian's hugo, served, crawled and evaluated; the fix lands
/// in the file the page is built from (a Markdown page's front matter, or the shared base layout),
/// and verification rebuilds the patched copy with hugo before re-checking the pages.
/// </summary>
public sealed class HugoSiteTests
{
    [Fact]
    public async Task A_missing_description_is_set_in_the_pages_front_matter_and_the_rebuilt_page_passes()
    {
        HugoSite.RequireHugo();
        using var repository = HugoSite.Repository();
        await using var live = await LiveSite.BuildAsync(repository.Path);
        var item = live.Item("meta-description-missing");

        var fix = Plan(item, live, repository.Path);
        var change = Assert.Single(fix.Files);
        await change.WriteAsync(CancellationToken.None);
        var verification = await Verify(fix, live);

        Assert.Equal("content/features.md", change.Mapping.RelativePath);
        Assert.Equal(SourceKind.Markdown, change.Mapping.Kind);
        Assert.Equal(
            "`/features/` is built from `content/features.md` (Hugo's content folder mirrors the URL); confirmed " +
            "because its front-matter title \"Features\" is the live page's main heading.",
            change.Mapping.HowFound);
        Assert.Equal("""
            ---
            title: "Features"
            description: Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat. Compare plans and prices.
            date: 2026-11-02
            ---

            Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat.

            Compare [plans and prices](/pricing/).

            """, repository.Read("content/features.md"));
        Assert.True(verification.Passed, verification.Summary);
        Assert.False(Directory.Exists(Path.Combine(repository.Path, "public")), "The build wrote into the repository.");
    }

    [Fact]
    public async Task A_missing_viewport_is_added_to_the_shared_base_layout_and_every_rebuilt_page_passes()
    {
        HugoSite.RequireHugo();
        using var repository = HugoSite.Repository();
        await using var live = await LiveSite.BuildAsync(repository.Path);
        var item = live.Merged("viewport-missing");

        var fix = Plan(item, live, repository.Path);
        var change = Assert.Single(fix.Files);
        await change.WriteAsync(CancellationToken.None);
        var verification = await Verify(fix, live);

        Assert.Equal(3, item.Finding.Urls.Count);
        Assert.Equal("layouts/_default/baseof.html", change.Mapping.RelativePath);
        Assert.Equal(SourceKind.Template, change.Mapping.Kind);
        Assert.Contains(
            "it comes from the shared template `layouts/_default/baseof.html`, found by searching the site's " +
            "layouts, partials and includes for it.", change.Mapping.HowFound, StringComparison.Ordinal);
        Assert.Equal(HugoSite.BaseLayout.Replace(
            "  <meta charset=\"utf-8\">\n",
            "  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            StringComparison.Ordinal), repository.Read("layouts/_default/baseof.html"));
        Assert.True(verification.Passed, verification.Summary);
    }

    [Fact]
    public async Task An_edit_that_leaves_the_finding_in_place_is_caught_by_the_rebuild_and_not_published()
    {
        HugoSite.RequireHugo();
        using var repository = HugoSite.Repository();
        await using var live = await LiveSite.BuildAsync(repository.Path);
        var planned = Plan(live.Item("meta-description-missing"), live, repository.Path);

        // The description goes to a key the layout never prints, so the page keeps lacking one.
        var wrong = planned.Files[0] with
        {
            NewText = planned.Files[0].NewText.Replace("description:", "summary:", StringComparison.Ordinal),
        };
        var fix = planned with { Files = [wrong] };
        await wrong.WriteAsync(CancellationToken.None);
        var verification = await Verify(fix, live);

        Assert.False(verification.Passed);
        Assert.Equal(
            "FunnelOps applied the edit to a copy of the site and checked /features/ again: \"Give every " +
            "page a meta description\" still fails there, so the change was not published. The page is probably " +
            "not built from the edited file; fix it by hand, or tell FunnelOps where the page comes from under " +
            "fixes: sources: in .funnelops/config.yml.", verification.Summary);
    }

    [Fact]
    public async Task An_edit_that_breaks_the_build_is_not_published_and_the_report_quotes_the_build()
    {
        HugoSite.RequireHugo();
        using var repository = HugoSite.Repository();
        await using var live = await LiveSite.BuildAsync(repository.Path);
        var planned = Plan(live.Merged("viewport-missing"), live, repository.Path);
        var broken = planned.Files[0] with { NewText = planned.Files[0].NewText + "{{ .NoSuchField" };
        await broken.WriteAsync(CancellationToken.None);

        var verification = await Verify(planned with { Files = [broken] }, live);

        Assert.False(verification.Passed);
        Assert.StartsWith(
            "After the edit, the site's build (`hugo --quiet`) failed (exit code 255), so the fix was not published. " +
            "The build said: Error: Error building site: \"layouts/_default/baseof.html:16:1\": parse failed",
            verification.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Markdown_page_is_not_published_unchecked_when_no_build_is_configured()
    {
        HugoSite.RequireHugo();
        using var repository = HugoSite.Repository();
        await using var live = await LiveSite.BuildAsync(repository.Path);
        var fix = Plan(live.Item("meta-description-missing"), live, repository.Path);
        await fix.Files[0].WriteAsync(CancellationToken.None);

        var verifier = new FixVerifier(Engine.Crawler(), new StageClassifier([]), live.Pipeline.Playbooks, renderer: null);
        var verification = await verifier.VerifyAsync(fix, live.Pipeline.Findings, new Dictionary<Uri, RenderResult>(),
            live.Pipeline.Options, CancellationToken.None);

        Assert.False(verification.Passed);
        Assert.Equal(
            "content/features.md is turned into the page by a site generator, and no build is configured, so " +
            "FunnelOps could not check the fix and did not publish it. Add fixes: build: (command and output) to " +
            ".funnelops/config.yml.", verification.Summary);
    }

    [Fact]
    public async Task A_build_command_that_is_not_installed_is_reported_plainly()
    {
        using var repository = HugoSite.Repository();

        using var built = await BuiltSite.BuildAsync(repository.Path,
            new SiteBuild("no-such-site-generator build", "public", TimeSpan.FromSeconds(30)), CancellationToken.None);

        Assert.False(built.Succeeded);
        Assert.Equal(
            "The site's build command (`no-such-site-generator build`) is not installed on the machine FunnelOps runs " +
            "on, so the fix could not be checked and was not published. Install the site's generator there (for " +
            "Hugo: apt-get install hugo), or change fixes: build: command in .funnelops/config.yml.", built.Message);
    }

    private static Fix Plan(BacklogItem item, LiveSite live, string repository)
    {
        var plan = new FixPlanner(FixPlanner.BuiltIn, HugoSite.Settings)
            .Plan([item], live.Pipeline.Crawl, repository, new HashSet<string>());
        Assert.True(plan.Fix is not null, plan.PassedOver.Count > 0 ? plan.PassedOver[0].Reason : "no plan");
        return plan.Fix;
    }

    private static Task<VerificationResult> Verify(Fix fix, LiveSite live)
    {
        var verifier = new FixVerifier(Engine.Crawler(), new StageClassifier([]), live.Pipeline.Playbooks, renderer: null)
        {
            Build = HugoSite.Build,
        };
        return verifier.VerifyAsync(fix, live.Pipeline.Findings, new Dictionary<Uri, RenderResult>(),
            live.Pipeline.Options, CancellationToken.None);
    }

    /// <summary>The site as production would serve it: the repository built with hugo, crawled and ranked.</summary>
    private sealed class LiveSite(BuiltSite built, StaticSiteServer server, Pipeline pipeline) : IAsyncDisposable
    {
        public Pipeline Pipeline { get; } = pipeline;

        public static async Task<LiveSite> BuildAsync(string repository)
        {
            var built = await BuiltSite.BuildAsync(repository, HugoSite.Build, CancellationToken.None);
            Assert.True(built.Succeeded, built.Message);
            var server = await StaticSiteServer.StartAsync(built.OutputPath, CancellationToken.None);
            return new LiveSite(built, server, await Pipeline.RunAsync(server.Address));
        }

        public BacklogItem Item(string playbook)
        {
            var found = Pipeline.Backlog.Where(i => i.Finding.Playbook.Id == playbook).ToList();
            Assert.True(found.Count == 1, $"The backlog has {found.Count} \"{playbook}\" items: " +
                string.Join(", ", Pipeline.Backlog.Select(i => i.Finding.Playbook.Id)));
            return found[0];
        }

        /// <summary>Every page's item of <paramref name="playbook"/> as one, the way one shared edit fixes them all.</summary>
        public BacklogItem Merged(string playbook)
        {
            var items = Pipeline.Backlog.Where(i => i.Finding.Playbook.Id == playbook).ToList();
            Assert.NotEmpty(items);
            var urls = items.SelectMany(i => i.Finding.Urls).Distinct().ToList();
            return items[0] with { Finding = items[0].Finding with { Urls = urls } };
        }

        public async ValueTask DisposeAsync()
        {
            await server.DisposeAsync();
            built.Dispose();
        }
    }
}
