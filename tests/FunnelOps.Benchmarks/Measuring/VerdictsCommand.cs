using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>
/// The <c>verdicts</c> command: FunnelOps's verdict, per page, on each Lighthouse audit the
/// agreement script compares, decided by the built-in playbooks that cover that audit.
/// </summary>
internal static class VerdictsCommand
{
    // Each Lighthouse audit and the playbooks that decide the same question in FunnelOps.
    private static readonly (string Audit, string[] Playbooks)[] Audits =
    [
        ("viewport", ["viewport-missing"]),
        ("font-size", ["small-text"]),
        ("image-alt", ["image-missing-alt"]),
        ("document-title", ["title-missing"]),
        ("meta-description", ["meta-description-missing"]),
        ("canonical", ["canonical-points-elsewhere"]),
        ("link-text", ["non-descriptive-link-text"]),
        ("crawlable-anchors", ["uncrawlable-links"]),
        ("is-crawlable", ["indexing-blocked", "noindex-decision-page"]),
        ("http-status-code", ["broken-internal-link", "sitemap-unindexable-urls"]),
        ("html-has-lang", ["html-lang-missing"]),
        ("unsized-images", ["image-missing-dimensions"]),
        ("lcp-lazy-loaded", ["lcp-image-lazy"]),
    ];

    // Playbooks that ask more than the audit beside them: shown as a note, not as the verdict.
    private static readonly Dictionary<string, string[]> Stricter = new(StringComparer.Ordinal)
    {
        ["canonical"] = ["canonical-missing"],
    };

    public static async Task<int> RunAsync(Uri site, Arguments options)
    {
        var paths = File.ReadAllLines(options.Text("pages") ?? throw new ArgumentException("--pages <file> is required."))
            .Where(line => line.Trim().Length > 0).ToList();
        var playbooks = new PlaybookLoader(FixPlanner.BuiltInKinds)
            .Load([options.Text("playbooks") ?? throw new ArgumentException("--playbooks <folder> is required.")]);

        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddFunnelOpsCrawler()
            .BuildServiceProvider();
        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(
            new CrawlOptions { StartUrl = site, Probes = PlaybookEvaluator.ProbesFor(playbooks) }, null, CancellationToken.None);
        var stages = crawl.Pages.ToDictionary(p => p.Url, new StageClassifier([]).Classify);

        var executable = ChromiumLocator.Find() ?? throw new ArgumentException(ChromiumLocator.Explain());
        await using var renderer = await PlaywrightMobileRenderer.LaunchAsync(executable, RenderSettings.Default);
        var renders = new Dictionary<Uri, RenderResult>();
        foreach (var page in crawl.Pages)
        {
            renders[page.Url] = await renderer.RenderAsync(page.Url, CancellationToken.None);
        }

        var findings = PlaybookEvaluator.Evaluate(playbooks, crawl, stages, renders);
        foreach (var path in paths)
        {
            var url = new Uri(site, path);
            var snapshot = crawl.Find(url);
            foreach (var (audit, deciding) in Audits)
            {
                var (verdict, why) = Decide(audit, deciding, url, snapshot, findings);
                var stricter = Stricter.GetValueOrDefault(audit, [])
                    .Where(id => findings.Any(f => f.Playbook.Id == id && f.Urls.Contains(url)))
                    .Select(id => $"stricter:{id}");
                Console.WriteLine($"verdict\t{path}\t{audit}\t{verdict}\t{string.Join(' ', why.Concat(stricter))}");
            }
        }

        return 0;
    }

    private static (string Verdict, IEnumerable<string> Why) Decide(string audit, string[] deciding, Uri url,
        PageSnapshot? snapshot, IReadOnlyList<Finding> findings)
    {
        if (audit == "http-status-code" && snapshot is { Status: >= 400 })
        {
            // The page itself is not a page FunnelOps reports on; the pages linking to it, and the sitemap listing it, are.
            var reporting = findings.Where(f => deciding.Contains(f.Playbook.Id) &&
                f.Evidence.Any(e => e.Contains(url.AbsolutePath, StringComparison.Ordinal))).Select(f => f.Playbook.Id).Distinct();
            return ("fail", [$"status:{snapshot.Status}", .. reporting]);
        }

        if (snapshot is null)
        {
            return ("not-read", ["robots.txt disallows it or nothing links to it"]);
        }

        if (audit == "http-status-code")
        {
            return ("pass", [$"status:{snapshot.Status}"]);
        }

        var fired = deciding.Where(id => findings.Any(f => f.Playbook.Id == id && f.Urls.Contains(url))).ToList();
        return (fired.Count > 0 ? "fail" : "pass", fired);
    }
}
