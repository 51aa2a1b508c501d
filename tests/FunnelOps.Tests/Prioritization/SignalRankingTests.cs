using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Reporting;
using FunnelOps.Rendering;
using FunnelOps.Signals;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Prioritization;

public sealed class SignalRankingTests
{
    private static readonly Uri Demo = new("http://site.test/demo/");

    private static readonly Economics Economics = new()
    {
        AverageContractValue = 10_000,
        VisitorToLead = 0.02,
        LeadToMql = 0.5,
        MqlToSql = 0.5,
    };

    [Fact]
    public void An_impact_with_signal_factors_can_be_recomputed_by_hand_from_its_inputs()
    {
        var (finding, stages, visits) = OnePage(Demo, Stage.Decision, "mobile");
        var signals = new SiteSignals([new PageSignals
        {
            Url = new Uri("https://www.site.test/demo?utm_source=ads"),
            WeeklyVisits = 500,
            MobileBounceRate = 0.70,
            DesktopBounceRate = 0.45,
            AdCost = 300,
        }]);

        var impact = new BacklogRanker(Economics, signals, []).ImpactOf(finding, stages, visits);

        // 500 measured visits x 150 per decision visit (2% x 3 x 50% x 50% x 10,000) = 75,000 at stake.
        // Mobile bounce gap: 1 + 2 x (0.70 - 0.45) = 1.5. Ad spend: 1 + 0.5 x min(1, 300 / 1,000) = 1.15.
        // 75,000 x 1.5 x 1.15 x 10% uplift x 0.5 confidence / 1 effort = 6,468.75.
        Assert.Equal(6_468.75, impact.PerWeek, 6);
        Assert.Equal("measured", impact.VisitsSource);
        Assert.False(impact.VisitsEstimated);
        var page = Assert.Single(impact.Pages);
        Assert.Equal(["mobile-bounce-gap", "ad-spend"], page.Multipliers.Select(m => m.Name));
        Assert.Equal([1.5, 1.15], page.Multipliers.Select(m => Math.Round(m.Factor, 10)));

        // The explanation a reviewer reads carries every one of those figures.
        var text = ImpactExplanation.Markdown(impact, Economics, "test");
        Assert.Contains("| weekly visits to the affected page(s) | 500.0 | measured: your analytics export |", text, StringComparison.Ordinal);
        Assert.Contains("1 + 2 × 25% = 1.5", text, StringComparison.Ordinal);
        Assert.Contains("1 + 0.5 × min(1, 300 ÷ 1,000) = 1.15", text, StringComparison.Ordinal);
        Assert.Contains("$75,000 of weekly pipeline flows through these pages, $129,375 with each page's signal factors applied " +
            "× 10% uplift × 0.5 confidence ÷ 1 effort = **$6,469 per week**.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_at_striking_distance_raises_its_seo_findings_and_not_its_mobile_ones()
    {
        var signals = new SiteSignals([new PageSignals
        {
            Url = Demo,
            WeeklyVisits = 100,
            SearchPosition = 12,
            SearchImpressions = 400,
            MobileBounceRate = 0.5,
            DesktopBounceRate = 0.45,
        }]);
        var (seo, stages, visits) = OnePage(Demo, Stage.Decision, "seo");
        var (mobile, _, _) = OnePage(Demo, Stage.Decision, "mobile");
        var ranker = new BacklogRanker(Economics, signals, []);

        var seoPage = Assert.Single(ranker.ImpactOf(seo, stages, visits).Pages);
        var mobilePage = Assert.Single(ranker.ImpactOf(mobile, stages, visits).Pages);

        Assert.Equal(1.2, seoPage.Weight, 10);
        Assert.Contains("average search position 12 with 400 impressions a week", seoPage.Multipliers[0].Reason, StringComparison.Ordinal);
        // A 5-point bounce gap is below the 10 points that count.
        Assert.Equal(1, mobilePage.Weight);
    }

    [Fact]
    public void Pages_without_measured_visits_keep_the_estimate_and_the_impact_says_mixed()
    {
        var other = new Uri("http://site.test/pricing/");
        var (finding, stages, visits) = OnePage(Demo, Stage.Decision, "seo");
        finding = finding with { Urls = [Demo, other] };
        var allStages = new Dictionary<Uri, PageStage>(stages) { [other] = new(other, Stage.Decision, "test") };
        var signals = new SiteSignals([new PageSignals { Url = Demo, WeeklyVisits = 40 }]);

        var impact = new BacklogRanker(Economics, signals, []).ImpactOf(finding, allStages, visits);

        Assert.Equal("mixed", impact.VisitsSource);
        Assert.Equal([true, false], impact.Pages.Select(p => p.VisitsMeasured));
        Assert.Equal(40, impact.Pages[0].WeeklyVisits);
        Assert.Equal(visits.WeeklyVisits(other), impact.Pages[1].WeeklyVisits);
    }

    [Fact]
    public async Task The_sample_site_backlog_is_reordered_by_its_signal_exports()
    {
        await using var site = await ServedSite.ServeAsync(SampleSiteCopy());
        var pipeline = await Pipeline.RunAsync(site.Address);
        var folder = Path.Combine(AppContext.BaseDirectory, "SampleSite", "signals");
        var signals = SignalImporter.Import(
            Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).Select(f => new SignalSource { Path = f }),
            site.Address);

        var findings = PlaybookEvaluator.Evaluate(pipeline.Playbooks, pipeline.Crawl, pipeline.Stages,
            new Dictionary<Uri, RenderResult>(), signals);
        var measured = new BacklogRanker(new Economics(), signals, [])
            .Rank(findings, pipeline.Stages, new VisitEstimator(pipeline.Crawl, 2_000));

        static string Key(BacklogItem item) => $"{item.Finding.Playbook.Id} {item.Finding.Urls[0].AbsolutePath}";
        var before = pipeline.Backlog.Select(Key).ToList();
        var after = measured.Select(Key).ToList();
        Assert.NotEqual(before, after);
        Assert.All(pipeline.Backlog, i => Assert.Equal("estimated", i.Impact.VisitsSource));
        Assert.Contains(measured, i => i.Impact.VisitsSource == "measured");

        // By links, the webinar hub outranks the Lumen Health story; by measured sessions (550 against
        // 410 over 28 days), the story comes first.
        const string webinars = "viewport-missing /webinars/power-users/";
        const string lumen = "viewport-missing /customers/lumen-health/";
        Assert.True(before.IndexOf(webinars) < before.IndexOf(lumen), string.Join(", ", before));
        Assert.True(after.IndexOf(lumen) < after.IndexOf(webinars), string.Join(", ", after));

        // The comparison page's phone visitors bounce 81% against 39% on desktop and it takes paid
        // traffic: the signal playbook finds it, and both factors raise it.
        const string compare = "mobile-bounce-gap /compare/keelboard-vs-taskforge/";
        Assert.DoesNotContain(compare, before);
        var raised = measured.Single(i => Key(i) == compare).Impact.Pages[0].Multipliers.Select(m => m.Name);
        Assert.Equal(["mobile-bounce-gap", "ad-spend"], raised);

        // The same inputs give the same order, run after run.
        var again = new BacklogRanker(new Economics(), signals, []).Rank(findings, pipeline.Stages, new VisitEstimator(pipeline.Crawl, 2_000));
        Assert.Equal(after, again.Select(Key));
    }

    [Fact]
    public void Impacts_equal_to_the_cent_are_ordered_by_playbook_then_fingerprint_not_by_rounding_noise()
    {
        var a = new Uri("http://site.test/a/");
        var b = new Uri("http://site.test/b/");
        var (first, stages, visits) = OnePage(a, Stage.Decision, "seo");
        var second = first with { Playbook = TestPlaybooks.Advice("a-playbook"), Urls = [b], Fingerprint = "b" };
        var allStages = new Dictionary<Uri, PageStage>(stages) { [b] = new(b, Stage.Decision, "test") };
        // The seo playbook promises a hair more uplift: a difference far below a cent of impact.
        first = first with
        {
            Playbook = first.Playbook with { Scoring = first.Playbook.Scoring with { Uplift = first.Playbook.Scoring.Uplift + 1e-12 } },
        };
        var signals = new SiteSignals([new PageSignals { Url = a, WeeklyVisits = 300 },
            new PageSignals { Url = b, WeeklyVisits = 300 }]);

        var backlog = new BacklogRanker(Economics, signals, []).Rank([first, second], allStages, visits);

        Assert.True(backlog[0].Impact.PerWeek < backlog[1].Impact.PerWeek);
        Assert.Equal(["a-playbook", "seo-playbook"], backlog.Select(i => i.Finding.Playbook.Id));
    }

    internal static (Finding, IReadOnlyDictionary<Uri, PageStage>, VisitEstimator) OnePage(Uri url, Stage stage, string channel)
    {
        var finding = new Finding
        {
            Playbook = TestPlaybooks.Advice($"{channel}-playbook") with { Channel = channel },
            Stage = stage,
            Urls = [url],
            Evidence = ["Seen."],
            Fingerprint = channel + url.AbsolutePath,
        };
        var stages = new Dictionary<Uri, PageStage> { [url] = new(url, stage, "test") };
        var crawl = new CrawlResult(url, [new PageSnapshot { Url = url, Status = 200, Html = new HtmlSummary() }], []);
        return (finding, stages, new VisitEstimator(crawl, 100));
    }

    internal static TempFolder SampleSiteCopy()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Engine.SampleSite, "*", SearchOption.AllDirectories))
        {
            folder.WriteBytes(Path.GetRelativePath(Engine.SampleSite, file), File.ReadAllBytes(file));
        }

        return folder;
    }
}
