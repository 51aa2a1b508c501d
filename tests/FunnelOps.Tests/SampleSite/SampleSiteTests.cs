using FunnelOps.Classification;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.SampleSite;

/// <summary>
/// The bundled sample site against its manifest: the crawl finds every page, the classifier
/// agrees on every stage, and the built-in playbooks find every planted defect and nothing else.
/// </summary>
[Collection(ChromiumGroup.Name)]
public sealed class SampleSiteTests(ChromiumFixture chromium)
{
    // Which built-in playbook must report each kind of planted defect.
    private static readonly Dictionary<string, string> PlaybookFor = new()
    {
        ["missing-meta-description"] = "meta-description-missing",
        ["duplicate-meta-description"] = "duplicate-meta-description",
        ["missing-viewport"] = "viewport-missing",
        ["small-text"] = "small-text",
        ["horizontal-overflow"] = "horizontal-overflow",
        ["lazy-loaded-lcp-image"] = "lcp-image-lazy",
        ["image-missing-alt"] = "image-missing-alt",
        ["image-missing-dimensions"] = "image-missing-dimensions",
        ["broken-internal-link"] = "broken-internal-link",
        ["redirect-chain"] = "redirect-chain-link",
        ["render-blocking-script"] = "render-blocking-script",
        ["noindex"] = "noindex-decision-page",
        ["gated-asset"] = "gated-comparison-asset",
        ["small-tap-targets"] = "small-tap-targets",
        ["webinar-without-event-data"] = "webinar-without-event-data",
    };

    private readonly SampleManifest _manifest = SampleManifest.Load();

    [Fact]
    public async Task The_crawl_reaches_every_page_in_the_manifest_and_respects_robots_txt()
    {
        await using var site = await ServedSite.ServeAsync(CopyOfSampleSite());

        var crawl = await Engine.CrawlAsync(site.Address);

        // The thank-you page is reached only by submitting a form, and robots.txt disallows it.
        foreach (var (url, _) in _manifest.Pages.Where(p => p.Url != "/thank-you/"))
        {
            var snapshot = crawl.Find(site.Url(url));
            Assert.True(snapshot is not null, $"The crawl never reached {url}.");
            Assert.True(snapshot.IsPage && snapshot.Status == 200, $"{url} answered {snapshot.Status}.");
        }

        Assert.Null(crawl.Find(site.Url("/thank-you/"))?.Html);
        var pagesFound = crawl.Pages.Select(p => p.Url.AbsolutePath).Order().ToList();
        var pagesListed = _manifest.Pages.Select(p => p.Url).Where(u => u != "/thank-you/").Order().ToList();
        Assert.Equal(pagesListed, pagesFound);
    }

    [Fact]
    public async Task The_classifier_gives_every_page_the_stage_the_manifest_lists()
    {
        await using var site = await ServedSite.ServeAsync(CopyOfSampleSite());
        var crawl = await Engine.CrawlAsync(site.Address);
        var classifier = new StageClassifier([]);

        var wrong = crawl.Pages
            .Select(page => (page.Url.AbsolutePath, Given: classifier.Classify(page)))
            .Where(x => _manifest.Pages.Single(p => p.Url == x.AbsolutePath).Stage != x.Given.Stage)
            .Select(x => $"{x.AbsolutePath}: {x.Given.Stage} ({x.Given.Reason})")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_built_in_playbooks_find_every_planted_defect_and_nothing_else()
    {
        await using var site = await ServedSite.ServeAsync(CopyOfSampleSite());
        var playbooks = Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]);
        var crawl = await Engine.CrawlAsync(site.Address, [.. PlaybookEvaluator.ProbesFor(playbooks)]);
        var stages = crawl.Pages.ToDictionary(p => p.Url, new StageClassifier([]).Classify);
        var renders = new Dictionary<Uri, RenderResult>();
        foreach (var page in crawl.Pages)
        {
            renders[page.Url] = await chromium.Renderer.RenderAsync(page.Url, CancellationToken.None);
        }

        var findings = PlaybookEvaluator.Evaluate(playbooks, crawl, stages, renders);
        var found = findings
            .SelectMany(f => f.Urls.Select(u => (Playbook: f.Playbook.Id, Page: u.AbsolutePath)))
            .ToHashSet();

        var missed = _manifest.Defects
            .Where(d => !found.Contains((PlaybookFor[d.Defect], d.Page)))
            .Select(d => $"{d.Defect} on {d.Page}")
            .ToList();
        Assert.Empty(missed);

        // A defect in the shared footer shows on every page; anything else must be planted.
        var shared = _manifest.Defects.Where(d => d.Shared is not null).Select(d => PlaybookFor[d.Defect]).ToHashSet();
        var planted = _manifest.Defects.Select(d => (PlaybookFor[d.Defect], d.Page)).ToHashSet();
        var unexpected = found
            .Where(f => !shared.Contains(f.Playbook) && !planted.Contains(f))
            .Select(f => $"{f.Playbook} on {f.Page}")
            .ToList();
        Assert.Empty(unexpected);
    }

    [Fact]
    public void Every_defect_kind_in_the_manifest_has_a_playbook_that_detects_it()
    {
        var playbooks = Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]).Select(p => p.Id).ToHashSet();

        Assert.All(_manifest.Defects, d => Assert.Contains(PlaybookFor[d.Defect], playbooks));
        Assert.All(_manifest.Pages, p => Assert.True(
            File.Exists(Path.Combine(Engine.SampleSite, p.Url.Trim('/'), "index.html")), $"{p.Url} has no file"));
        Assert.True(_manifest.Pages.Count >= 25);
        HashSet<Stage> stagesListed = [.. _manifest.Pages.Select(p => p.Stage)];
        Assert.Equal(StageNames.All.Count, stagesListed.Count);
    }

    private static TempFolder CopyOfSampleSite()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Engine.SampleSite, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Engine.SampleSite, file);
            folder.WriteBytes(relative, File.ReadAllBytes(file));
        }

        return folder;
    }
}
