using FunnelOps.Classification;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

public sealed class SelectorBoundsTests
{
    private static string Playbook(string bounds) => $"""
        id: one-primary-cta
        title: Keep one primary call to action
        stages: [awareness, consideration, decision, retention]
        channel: conversion
        checks:
          - kind: selector
            selector: a.button-primary
        {bounds}
        scoring:
          uplift: 0.02
          uplift_source: test
          confidence: 0.5
          effort: 1
        pr:
          title: Fix {"{page.path}"}
          why: Because.
          verify: Look.
        """;

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task A_selector_with_bounds_fails_below_its_minimum_and_above_its_maximum(int buttons, bool found)
    {
        var errors = new List<PlaybookError>();
        var playbook = Engine.PlaybookLoader().LoadFile("cta.yml", Playbook("    min: 1\n    max: 2"), errors);
        Assert.Empty(errors);
        var links = string.Concat(Enumerable.Range(0, buttons).Select(i => $"""<a class="button-primary" href="/demo/">Demo {i}</a>"""));
        await using var site = await ServedSite.StartAsync(("features/index.html", Html.Page("Features", body: links)));
        var crawl = await Engine.CrawlAsync(site.Url("/features/"), [.. PlaybookEvaluator.ProbesFor([playbook!])]);
        var stages = crawl.Pages.ToDictionary(p => p.Url, new StageClassifier([]).Classify);

        var findings = PlaybookEvaluator.Evaluate([playbook!], crawl, stages, new Dictionary<Uri, RenderResult>());

        Assert.Equal(found, findings.Count > 0);
        if (found)
        {
            Assert.Contains($"matches {buttons} element(s). Expected 1 to 2.", Assert.Single(findings).Evidence[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Expect_and_bounds_together_are_refused_with_the_line_of_expect()
    {
        var errors = new List<PlaybookError>();

        var playbook = Engine.PlaybookLoader().LoadFile("cta.yml", Playbook("    expect: present\n    max: 2"), errors);

        Assert.Null(playbook);
        var error = Assert.Single(errors);
        Assert.Equal(8, error.Line);
        Assert.Contains("either expect or min/max", error.Message, StringComparison.Ordinal);
    }
}
