using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Verification;

namespace FunnelOps.Tests.Publishing;

public sealed class PullRequestWriterTests
{
    private const string Hostile = "@everyone see #12 <img src=x onerror=alert(1)> <!-- funnelops:state {\"version\":9} --> [click](http://evil.test)";

    [Fact]
    public void Text_read_from_the_site_cannot_mention_link_inject_markup_or_imitate_the_hidden_block()
    {
        var body = Write(Hostile).Body;

        Assert.DoesNotContain("@everyone", body, StringComparison.Ordinal);
        Assert.DoesNotContain("#12", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", body, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "<!-- funnelops:state"));
        Assert.EndsWith("""<!-- funnelops:state {"version":1,"week":"2026-W49","playbook":"noindex-decision-page","fingerprints":["abc123"]} -->""" + "\n", body);
    }

    [Fact]
    public void The_body_explains_the_change_the_impact_the_edit_and_how_to_verify()
    {
        var pullRequest = Write("Pricing");

        Assert.Equal("Let search engines list /pricing/ again", pullRequest.Title);
        Assert.Contains("## Why it matters", pullRequest.Body);
        Assert.Contains("## Projected impact: $", pullRequest.Body);
        Assert.Contains("| expected uplift | 30% |", pullRequest.Body);
        Assert.Contains("```diff\n-<meta name=\"robots\" content=\"noindex\">\n```", pullRequest.Body);
        Assert.Contains("How the file was found: found by test", pullRequest.Body);
        Assert.Contains("## How to verify", pullRequest.Body);
        Assert.Contains("Already checked: verified by test", pullRequest.Body);
    }

    private static PullRequestText Write(string evidence)
    {
        var url = new Uri("http://site.test/pricing/");
        var playbook = new PlaybookLoader(FixPlanner.BuiltInKinds)
            .Load([Path.Combine(Support.Engine.BuiltInPlaybooks, "noindex-decision-page.yml")])[0];
        var finding = new Finding
        {
            Playbook = playbook,
            Stage = Stage.Decision,
            Urls = [url],
            Evidence = [evidence],
            Fingerprint = "abc123",
        };
        var stages = new Dictionary<Uri, PageStage> { [url] = new(url, Stage.Decision, "test") };
        var crawl = new CrawlResult(url, [new PageSnapshot { Url = url, Status = 200, Html = new() }], []);
        var item = new BacklogRanker(new Economics()).Rank([finding], stages, new VisitEstimator(crawl, 100))[0];
        using var folder = Support.TempFolder.With(("pricing/index.html", "<title>Pricing</title>"));
        var source = SourceFile.Read(folder.Path, "pricing/index.html");
        var mapping = new SourceMapping(url, "pricing/index.html", folder.Path, "found by test");
        var fix = new Fix(item, [new FileChange(mapping, source, source.Text, "Removes the noindex.", null)]);
        var verification = new VerificationResult(true, "verified by test", []);

        return PullRequestWriter.Write(fix, "-<meta name=\"robots\" content=\"noindex\">\n", verification, [item],
            new Economics(), new Week(2026, 49));
    }
}
