using FunnelOps.Classification;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Rendering;

/// <summary>A rendered check applies to a template's unrendered pages when every sampled page of it has the problem.</summary>
public sealed class TemplateRendersTests
{
    private static readonly Playbook Overflow = Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]).Single(p => p.Id == "horizontal-overflow");

    [Fact]
    public async Task An_unrendered_page_gets_the_finding_of_its_template_with_the_sampled_pages_as_evidence()
    {
        await using var site = await SiteOfOneTemplateAsync();
        var crawl = await Engine.CrawlAsync(site.Address);
        var renders = Renders(site, ("/posts/a/", 320), ("/posts/b/", 300));

        var findings = Evaluate(crawl, renders);

        var inferred = Assert.Single(findings, f => f.Urls.Contains(site.Url("/posts/c/")));
        Assert.Contains("/posts/a/ (320), /posts/b/ (300)", inferred.Evidence[0], StringComparison.Ordinal);
        Assert.Null(inferred.Target.Selector);
        Assert.Contains(findings, f => f.Urls.Contains(site.Url("/posts/a/")));
    }

    [Fact]
    public async Task When_only_some_sampled_pages_of_a_template_have_the_problem_it_is_not_extended_to_the_others()
    {
        await using var site = await SiteOfOneTemplateAsync();
        var crawl = await Engine.CrawlAsync(site.Address);
        var renders = Renders(site, ("/posts/a/", 320), ("/posts/b/", 0));

        var findings = Evaluate(crawl, renders);

        Assert.Equal([site.Url("/posts/a/")], Assert.Single(findings).Urls);
    }

    private static IReadOnlyList<Finding> Evaluate(FunnelOps.Crawling.CrawlResult crawl, Dictionary<Uri, RenderResult> renders)
    {
        var stages = crawl.Pages.ToDictionary(p => p.Url, new StageClassifier([]).Classify);
        return PlaybookEvaluator.Evaluate([Overflow], crawl, stages, renders);
    }

    private static Dictionary<Uri, RenderResult> Renders(ServedSite site, params (string Path, double Overflow)[] measured) =>
        measured.ToDictionary(m => site.Url(m.Path), m => new RenderResult
        {
            Url = site.Url(m.Path),
            Metrics = new Dictionary<string, double> { [RenderMetrics.HorizontalOverflow] = m.Overflow },
        });

    private static Task<ServedSite> SiteOfOneTemplateAsync()
    {
        static string Post(string title) => Html.Page(title, "",
            $"""<div class="post-layout"><article class="post"><p>{title} text.</p></article><aside class="share"></aside></div>""");
        return ServedSite.StartAsync(
            ("index.html", """<html lang="en"><head><title>Home</title></head><body><section class="home"><a href="/posts/a/">A</a><a href="/posts/b/">B</a><a href="/posts/c/">C</a></section></body></html>"""),
            ("posts/a/index.html", Post("A")),
            ("posts/b/index.html", Post("B")),
            ("posts/c/index.html", Post("C")));
    }
}
