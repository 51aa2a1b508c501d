using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Rendering;

namespace FunnelOps.Tests.Support;

/// <summary>Crawl, classify, evaluate and rank a served site with the built-in playbooks, as a run does.</summary>
public sealed record Pipeline(
    IReadOnlyList<Playbook> Playbooks,
    CrawlOptions Options,
    CrawlResult Crawl,
    IReadOnlyDictionary<Uri, PageStage> Stages,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<BacklogItem> Backlog)
{
    public static async Task<Pipeline> RunAsync(Uri site, IReadOnlyList<Playbook>? playbooks = null)
    {
        playbooks ??= Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]);
        var options = new CrawlOptions { StartUrl = site, Probes = PlaybookEvaluator.ProbesFor(playbooks) };
        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);
        var stages = crawl.Pages.ToDictionary(p => p.Url, new StageClassifier([]).Classify);
        var findings = PlaybookEvaluator.Evaluate(playbooks, crawl, stages, new Dictionary<Uri, RenderResult>());
        var backlog = new BacklogRanker(new Economics()).Rank(findings, stages, new VisitEstimator(crawl, 2_000));
        return new Pipeline(playbooks, options, crawl, stages, findings, backlog);
    }
}
