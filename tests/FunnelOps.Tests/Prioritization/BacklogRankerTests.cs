using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Prioritization;

public sealed class BacklogRankerTests
{
    [Fact]
    public async Task An_impact_can_be_recomputed_by_hand_from_its_inputs()
    {
        // Three pages: home links to pricing and blog, blog links to pricing.
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home", body: """<a href="/pricing/">Pricing</a> <a href="/blog/">Blog</a>""")),
            ("blog/index.html", Html.Page("Blog", body: """<a href="/pricing/">Pricing</a>""")),
            ("pricing/index.html", Html.Page("Pricing", """<meta name="robots" content="noindex">""")));
        var pipeline = await Pipeline.RunAsync(site.Address);
        var economics = new Economics
        {
            AverageContractValue = 10_000,
            VisitorToLead = 0.02,
            LeadToMql = 0.5,
            MqlToSql = 0.5,
            EstimatedWeeklyVisits = 1_000,
        };

        var backlog = new BacklogRanker(economics).Rank(pipeline.Findings, pipeline.Stages, new VisitEstimator(pipeline.Crawl, 1_000));
        var noindex = backlog.Single(i => i.Finding.Playbook.Id == "noindex-decision-page");

        // Link weights: home 1 + 3 (it counts as linked from every page), blog 1 + 1, pricing 1 + 2 = 9.
        // Pricing gets 3/9 of 1,000 visits, 333.3 to the tenth the reports print. A decision visit:
        // 2% x 3 intent x 50% x 50% x 10,000 = 150.
        // Impact: 333.3 x 150 x 30% uplift x 0.8 confidence / 1 effort = 11,998.8.
        Assert.Equal(333.3, noindex.Impact.WeeklyVisits, 6);
        Assert.Equal(150, economics.ValuePerVisit(Stage.Decision), 6);
        Assert.Equal(11_998.8, noindex.Impact.PerWeek, 6);
        Assert.True(noindex.Impact.VisitsEstimated);
        Assert.Equal(1, noindex.Rank);
    }

    [Fact]
    public void The_same_elements_on_several_pages_merge_into_one_item_that_sums_its_pages()
    {
        var playbook = TestPlaybooks.Advice("small-tap-targets");
        string[] paths = ["/a/", "/b/", "/c/"];
        var pages = paths.Select(p => new Uri("http://site.test" + p)).ToList();
        var findings = pages.Select(url => new Finding
        {
            Playbook = playbook,
            Stage = Stage.Awareness,
            Urls = [url],
            Evidence = ["Footer links are small."],
            Elements = ["a \"/pricing/\" (40x11)", "a \"/about/\" (35x11)"],
            Fingerprint = url.AbsolutePath,
        });
        var stages = pages.ToDictionary(u => u, u => new PageStage(u, Stage.Awareness, "test"));
        var crawl = new CrawlResult(pages[0], pages.Select(u => new PageSnapshot { Url = u, Status = 200, Html = new HtmlSummary() }), []);
        var visits = new VisitEstimator(crawl, 300);

        var item = Assert.Single(new BacklogRanker(new Economics()).Rank(findings, stages, visits));

        Assert.Equal(3, item.Finding.Urls.Count);
        var separately = findings.Sum(f => new BacklogRanker(new Economics()).ImpactOf(f, stages, visits).PerWeek);
        Assert.Equal(separately, item.Impact.PerWeek, 6);
    }

    [Fact]
    public void A_merged_item_keeps_its_fingerprint_when_another_page_shares_the_markup_and_is_found_again_by_it()
    {
        var playbook = TestPlaybooks.Advice("small-tap-targets");
        List<Finding> FooterOn(params string[] paths) => [.. paths.Select(p => new Finding
        {
            Playbook = playbook,
            Stage = Stage.Awareness,
            Urls = [new Uri("http://site.test" + p)],
            Evidence = ["Footer links are small."],
            Elements = ["a \"/pricing/\" (40x11)"],
            Fingerprint = p,
        })];
        BacklogItem Ranked(List<Finding> findings)
        {
            var pages = findings.SelectMany(f => f.Urls).ToList();
            var stages = pages.ToDictionary(u => u, u => new PageStage(u, Stage.Awareness, "test"));
            var crawl = new CrawlResult(pages[0],
                pages.Select(u => new PageSnapshot { Url = u, Status = 200, Html = new HtmlSummary() }), []);
            return Assert.Single(new BacklogRanker(new Economics()).Rank(findings, stages, new VisitEstimator(crawl, 300)));
        }

        var lastWeek = Ranked(FooterOn("/a/", "/b/"));
        var thisWeek = FooterOn("/a/", "/b/", "/new-post/");

        Assert.Equal(lastWeek.Finding.Fingerprint, Ranked(thisWeek).Finding.Fingerprint);
        Assert.Contains(lastWeek.Finding.Fingerprint, BacklogRanker.FingerprintsOf(thisWeek));
        Assert.DoesNotContain(lastWeek.Finding.Fingerprint, BacklogRanker.FingerprintsOf(FooterOn("/a/")));
    }

    [Fact]
    public void Findings_with_the_same_impact_are_ordered_by_playbook_then_fingerprint()
    {
        var url = new Uri("http://site.test/");
        var stages = new Dictionary<Uri, PageStage> { [url] = new(url, Stage.Awareness, "test") };
        var crawl = new CrawlResult(url, [new PageSnapshot { Url = url, Status = 200, Html = new HtmlSummary() }], []);
        string[] ids = ["b-playbook", "a-playbook"];
        var findings = ids.Select(id => new Finding
        {
            Playbook = TestPlaybooks.Advice(id),
            Stage = Stage.Awareness,
            Urls = [url],
            Evidence = ["x"],
            Fingerprint = id,
        });

        var backlog = new BacklogRanker(new Economics()).Rank(findings, stages, new VisitEstimator(crawl, 100));

        Assert.Equal(["a-playbook", "b-playbook"], backlog.Select(i => i.Finding.Playbook.Id));
    }
}
