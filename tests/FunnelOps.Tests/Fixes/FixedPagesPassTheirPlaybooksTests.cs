using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// Every catalogue playbook with a fix, end to end on a small served site: the crawl finds the
/// problem, the planner fixes it with the built-in fixers, the fixed files are written, and a
/// second crawl evaluated with the whole catalogue no longer finds it, nor anything new on those
/// pages. Playbooks that need a browser (rendered checks) are verified in the rendering tests.
/// </summary>
public sealed class FixedPagesPassTheirPlaybooksTests
{
    private const string Description = """
        <meta name="description" content="A description long enough to be shown in full under the search result for this page.">
        """;

    private const string Opening =
        "<p>Keelboard gives product teams one board for sprints, roadmaps and releases. " +
        "Owners see what ships this week without chasing updates in chat.</p>";

    private static readonly IReadOnlyList<Playbook> Catalogue =
        Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]);

    // id -> (the pages the finding is about, the files of a site that has the problem)
    private static readonly Dictionary<string, Example> Examples = new()
    {
        ["canonical-missing"] = Single("/features/", Page("Features", Description)),
        ["html-lang-missing"] = Single("/features/", """
            <html><head><title>Features</title></head><body><h1>Features</h1></body></html>
            """),
        ["indexing-blocked"] = Single("/blog/post/",
            Page("Post", """<meta name="robots" content="noindex, nofollow">""")),
        ["image-missing-dimensions"] = Single("/features/",
            Page("Features", "", """<img src="/images/board.png" alt="The board">"""),
            ("images/board.png", Png.Create(4, 3))),
        ["image-missing-alt"] = Single("/features/",
            Page("Features", "", """<img src="/images/team-offsite.png" width="4" height="3">"""),
            ("images/team-offsite.png", Png.Create(4, 3))),
        ["title-missing"] = Single("/features/", """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"></head><body><h1>Boards for product teams</h1></body></html>
            """),
        ["title-too-long"] = Single("/features/",
            Page("Sprint planning software for product teams - Boards and roadmaps | Keelboard", Description)),
        ["meta-description-length"] = Single("/features/",
            Page("Features", """<meta name="description" content="Too short.">""", Opening)),
        ["duplicate-meta-description"] = Pair(
            Page("A", Description, "<p>Boards show every sprint, every owner and every deadline at a glance, " +
                "on any screen you use.</p>"),
            Page("B", Description, "<p>Roadmaps turn quarterly goals into releases that the whole company " +
                "can follow week by week.</p>")),
        ["duplicate-title"] = Pair(
            Page("Keelboard", Description, "", "Boards"),
            Page("Keelboard", Description, "", "Roadmaps")),
        ["multiple-h1"] = Single("/features/", Page("Features", Description, "<h1>Another</h1>")),
        ["gated-comparison-asset"] = Single("/resources/comparison-guide/",
            Page("Guide", "", Form(8, "/files/guide.pdf")),
            ("files/guide.pdf", Bytes("%PDF-1.7"))),
        ["webinar-without-event-data"] = Single("/webinars/series/one/",
            Page("Episode", "", """<p>Live on <time datetime="2026-09-17T16:00+02:00">17 September</time>.</p>""")),
        ["changelog-without-subscribe"] = Single("/changelog/", Page("Changelog", "", "<p>News.</p>"),
            ("changelog/feed.xml", Bytes("""<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>"""))),
        ["meta-description-missing"] = Single("/features/", Page("Features", "", Opening)),
        ["viewport-missing"] = Single("/features/", Page("Features", "")),
        ["noindex-decision-page"] = Single("/pricing/", Page("Pricing", """<meta name="robots" content="noindex">""")),
        ["render-blocking-script"] = Single("/demo/", Page("Demo", """<script src="/chat.js"></script>"""),
            ("chat.js", Bytes("console.log('chat');"))),
        ["broken-internal-link"] = new(["/features/"],
        [
            ("features/index.html", Bytes(Page("Features", "", """<a href="/guides/sprint-planing/">Guide</a>"""))),
            ("guides/sprint-planning/index.html", Bytes(Page("Sprint planning guide", ""))),
            ("guides/roadmaps/index.html", Bytes(Page("Roadmaps guide", ""))),
            Index("/features/", "/guides/roadmaps/", "/guides/sprint-planning/"),
        ]),
        ["redirect-chain-link"] = new(["/features/"],
        [
            ("features/index.html", Bytes(Page("Features", "", """<a href="/old/">Old</a>"""))),
            ("_redirects", Bytes("/old/ /older/ 301\n/older/ /new/ 301")),
            ("new/index.html", Bytes(Page("New", ""))),
            Index("/features/"),
        ]),
    };

    private static IEnumerable<string> FixableIds => Catalogue
        .Where(p => p.Fix is not null && !p.Checks.OfType<RenderedCheck>().Any())
        .Select(p => p.Id)
        .Order(StringComparer.Ordinal);

    public static TheoryData<string> FixablePlaybooks() => [.. FixableIds];

    [Fact]
    public void Every_playbook_with_a_fix_has_an_example_here_and_at_least_twenty_playbooks_have_one()
    {
        Assert.All(FixableIds, id => Assert.True(Examples.ContainsKey(id), $"{id} has no example"));
        var withFix = Catalogue.Count(p => p.Fix is not null);
        Assert.True(withFix >= 20, $"{withFix} playbooks have a fix");
    }

    [Theory]
    [MemberData(nameof(FixablePlaybooks))]
    public async Task The_fixed_pages_no_longer_trigger_the_playbook_and_nothing_new_appears_on_them(string id)
    {
        var example = Examples[id];
        using var folder = new TempFolder();
        foreach (var (path, contents) in example.Files)
        {
            folder.WriteBytes(path, contents);
        }

        await using var site = await ServedSite.ServeAsync(folder);
        var paths = example.Paths.ToHashSet(StringComparer.Ordinal);
        var before = await Pipeline.RunAsync(site.Address, Catalogue);
        Assert.Contains(before.Findings, f => f.Playbook.Id == id && f.Urls.Any(u => paths.Contains(u.AbsolutePath)));

        // The planner, with every built-in fixer, given only this playbook's findings.
        var backlog = before.Backlog.Where(i => i.Finding.Playbook.Id == id).ToList();
        var plan = new FixPlanner(FixPlanner.BuiltIn).Plan(backlog, before.Crawl, folder.Path, new HashSet<string>());
        Assert.True(plan.Fix is not null, string.Join(" ", plan.PassedOver.Select(p => p.Reason)));
        var fixedPaths = plan.Fix.Files.Select(f => f.Mapping.Url.AbsolutePath);
        Assert.Equal(paths.Order(StringComparer.Ordinal), fixedPaths.Order(StringComparer.Ordinal));
        foreach (var file in plan.Fix.Files)
        {
            await file.WriteAsync(CancellationToken.None);
        }

        var after = await Pipeline.RunAsync(site.Address, Catalogue);
        Assert.DoesNotContain(Hits(after.Findings, paths), h => h.Playbook == id);
        Assert.Empty(Hits(after.Findings, paths).Except(Hits(before.Findings, paths)));
    }

    [Fact]
    public async Task Pages_that_shared_a_description_each_get_their_own()
    {
        var example = Examples["duplicate-meta-description"];
        using var folder = new TempFolder();
        foreach (var (path, contents) in example.Files)
        {
            folder.WriteBytes(path, contents);
        }

        await using var site = await ServedSite.ServeAsync(folder);
        var before = await Pipeline.RunAsync(site.Address, Catalogue);
        var backlog = before.Backlog.Where(i => i.Finding.Playbook.Id == "duplicate-meta-description").ToList();

        var plan = new FixPlanner(FixPlanner.BuiltIn).Plan(backlog, before.Crawl, folder.Path, new HashSet<string>());

        var descriptions = plan.Fix!.Files
            .OrderBy(f => f.Mapping.RelativePath, StringComparer.Ordinal)
            .Select(f => new PageParser([]).Parse(f.Mapping.Url, Bytes(f.NewText), null).MetaDescription);
        Assert.Equal(
            [
                "Boards show every sprint, every owner and every deadline at a glance, on any screen you use.",
                "Roadmaps turn quarterly goals into releases that the whole company can follow week by week.",
            ],
            descriptions);
    }

    private static IEnumerable<(string Playbook, string Path)> Hits(
        IEnumerable<Finding> findings, HashSet<string> paths) =>
        findings.SelectMany(f => f.Urls.Select(u => (f.Playbook.Id, u.AbsolutePath)))
            .Where(h => paths.Contains(h.AbsolutePath));

    private static string Page(string title, string head, string body = "<p>Text.</p>", string? heading = null)
    {
        var page = Html.Page(title, head, body + """<a href="/">Home</a>""");
        return heading is null
            ? page
            : page.Replace($"<h1>{title}</h1>", $"<h1>{heading}</h1>", StringComparison.Ordinal);
    }

    private static string Form(int fields, string asset) =>
        "<form action=\"/thanks/\">" +
        string.Concat(Enumerable.Range(1, fields).Select(i => $"""<input name="f{i}">""")) +
        $"""<input type="hidden" name="asset" value="{asset}">""" +
        "<button>Send</button></form>";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static (string, byte[]) Index(params string[] links) =>
        ("index.html", Bytes(Html.Page("Home", "", string.Join(' ', links.Select(Link)))));

    private static string Link(string path) => $"""<a href="{path}">{path}</a>""";

    private static Example Single(string path, string page, params (string, byte[])[] files) =>
        new([path], [(path.Trim('/') + "/index.html", Bytes(page)), Index(path), .. files]);

    private static Example Pair(string first, string second) => new(["/features/a/", "/features/b/"],
    [
        ("features/a/index.html", Bytes(first)),
        ("features/b/index.html", Bytes(second)),
        Index("/features/a/", "/features/b/"),
    ]);

    private sealed record Example(IReadOnlyList<string> Paths, IReadOnlyList<(string Path, byte[] Contents)> Files);
}
