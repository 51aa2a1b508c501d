using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

/// <summary>Playbooks written as YAML in tests, loaded through the real loader.</summary>
public static class PlaybookText
{
    /// <summary>A valid playbook file with the given checks (YAML list items, indented by two spaces).</summary>
    public static string Yaml(
        string checks,
        string id = "test-playbook",
        string stages = "[awareness, consideration, decision, retention]",
        string scope = "",
        string fix = "") => $$"""
        id: {{id}}
        title: A playbook under test
        stages: {{stages}}
        channel: seo
        {{scope}}
        checks:
        {{checks}}
        scoring:
          uplift: 0.05
          uplift_source: A figure for tests.
          confidence: 0.5
          effort: 1
        {{fix}}
        pr:
          title: "Fix {page.path}"
          why: "{count} pages need it."
          verify: "Open {page.url}."
        """;

    /// <summary>Loads one playbook from its text; fails the test when it has errors.</summary>
    public static Playbook Load(string yaml, string file = "test.yml")
    {
        var errors = new List<PlaybookError>();
        var playbook = Engine.PlaybookLoader().LoadFile(file, yaml, errors);
        Assert.Empty(errors);
        return Assert.IsType<Playbook>(playbook);
    }

    /// <summary>Stages for every crawled page, from the real classifier without configured rules.</summary>
    public static IReadOnlyDictionary<Uri, PageStage> Stages(CrawlResult crawl)
    {
        var classifier = new StageClassifier([]);
        return crawl.Snapshots.Where(s => s.IsPage).ToDictionary(s => s.Url, classifier.Classify);
    }
}
