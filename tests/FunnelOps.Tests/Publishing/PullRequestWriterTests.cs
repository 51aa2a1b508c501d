using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Rendering;
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
        Assert.EndsWith(" -->\n", body);
        var state = ChangeStateBlock.Read(body)!;
        Assert.Equal((1, "2026-W49", "noindex-decision-page"), (state.Version, state.Week, state.Playbook));
        Assert.Equal(["abc123"], state.Fingerprints);
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

    [Fact]
    public void The_story_tells_last_weeks_outcome_the_findings_history_and_keeps_the_figures_before_in_the_block()
    {
        var story = new PullRequestStory
        {
            LastOutcome = "Pull request #4 (2026-W48) was merged, and the problem is gone from the site.",
            History = "- Fixed before by pull request #2 (2026-W40), merged 2026-10-01; the problem has come back on the site.",
            Before = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["http://site.test/pricing/"] = new Dictionary<string, double> { ["signal.mobile_bounce_rate"] = 0.61 },
            },
            BaseCommit = "0123456789abcdef",
        };

        var body = Write("Pricing", story).Body;

        Assert.Contains("## Last week's outcome\n\nPull request #4 (2026-W48) was merged", body, StringComparison.Ordinal);
        Assert.Contains("## History of this finding\n\n- Fixed before by pull request #2", body, StringComparison.Ordinal);
        Assert.Contains("- `http://site.test/pricing/`", body, StringComparison.Ordinal);
        var state = ChangeStateBlock.Read(body)!;
        Assert.Equal(["http://site.test/pricing/"], state.Pages);
        Assert.Equal(0.61, state.Before["http://site.test/pricing/"]["signal.mobile_bounce_rate"]);
        Assert.Equal("0123456789abcdef", state.BaseCommit);
    }

    [Fact]
    public void Replacing_the_block_keeps_the_text_and_leaves_one_block_with_the_new_state()
    {
        var body = Write("Pricing").Body;
        var state = ChangeStateBlock.Read(body)! with { Commit = "feedface" };

        var replaced = ChangeStateBlock.Replace(body, state);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(replaced, "<!-- funnelops:state"));
        Assert.Equal("feedface", ChangeStateBlock.Read(replaced)!.Commit);
        Assert.StartsWith(body[..body.IndexOf("<!-- funnelops:state", StringComparison.Ordinal)], replaced, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_a_person_broke_or_a_later_format_reads_as_no_state()
    {
        Assert.Null(ChangeStateBlock.Read("text <!-- funnelops:state {\"version\":1,\"week\": -->"));
        Assert.Null(ChangeStateBlock.Read("<!-- funnelops:state {\"version\":2,\"week\":\"2026-W01\",\"playbook\":\"p\",\"fingerprints\":[]} -->"));
        Assert.Null(ChangeStateBlock.Read(null));
    }

    [Fact]
    public void The_commit_subject_follows_conventional_commits_only_when_the_repository_mostly_does()
    {
        var fix = Fix("Pricing");
        var text = new PullRequestText("Let search engines list /pricing/ again", "body");

        var conventional = LocalPublisher.CommitMessage(fix, text, ["feat(pricing): new plans", "fix: typo", "Merge branch x"]);
        var plain = LocalPublisher.CommitMessage(fix, text, ["Update pricing", "Fix typo", "feat: one"]);

        Assert.StartsWith("fix(seo): let search engines list /pricing/ again\n", conventional, StringComparison.Ordinal);
        Assert.StartsWith("Let search engines list /pricing/ again\n", plain, StringComparison.Ordinal);
        Assert.EndsWith("FunnelOps-Finding: abc123\n", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_site_that_opens_a_hidden_block_cannot_swallow_the_body_when_the_block_is_replaced()
    {
        var body = Write("A`<!-- funnelops:state {`B").Body;
        var state = ChangeStateBlock.Read(body)!;

        var replaced = ChangeStateBlock.Replace(body, state with { Commit = "abc" });

        Assert.Contains("## Projected impact", replaced, StringComparison.Ordinal);
        Assert.Contains("## How to verify", replaced, StringComparison.Ordinal);
        Assert.Equal("abc", ChangeStateBlock.Read(replaced)!.Commit);
    }

    [Theory]
    [InlineData("\"pages\":[\"not an address\"]")]
    [InlineData("\"pages\":[\"file:///etc/passwd\"]")]
    [InlineData("\"pages\":null")]
    [InlineData("\"fingerprints\":null")]
    public void A_hidden_block_edited_into_nonsense_is_not_used(string field)
    {
        var body = Write("noindex").Body;
        var key = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
        var start = body.IndexOf(key, StringComparison.Ordinal);
        var end = body.IndexOf(']', start) is var close && close >= 0 && body[(start + key.Length)..].StartsWith('[')
            ? close + 1
            : body.IndexOf(',', start);
        var edited = body[..start] + field + body[end..];

        Assert.NotNull(ChangeStateBlock.Read(body));
        Assert.Null(ChangeStateBlock.Read(edited));
    }

    [Fact]
    public void A_page_rendered_on_a_phone_is_shown_by_its_screenshots_in_the_reports()
    {
        var url = new Uri("http://site.test/pricing/");
        var render = new RenderResult
        {
            Url = url,
            Metrics = new Dictionary<string, double>(),
            ScreenshotPath = "/out/screenshots/pricing-x/viewport.png",
        };
        var folder = ScreenshotFolder.For(url);

        var withShot = Write("noindex", renders: new Dictionary<Uri, RenderResult> { [url] = render }).Body;
        var without = Write("noindex").Body;

        Assert.Contains($"`screenshots/{folder}/viewport.png`", withShot, StringComparison.Ordinal);
        Assert.Contains($"`screenshots/{folder}/full-page.png`", withShot, StringComparison.Ordinal);
        Assert.DoesNotContain("On a phone", without, StringComparison.Ordinal);
    }

    private static PullRequestText Write(string evidence, PullRequestStory? story = null,
        IReadOnlyDictionary<Uri, RenderResult>? renders = null)
    {
        var fix = Fix(evidence);
        var verification = new VerificationResult(true, "verified by test", []);
        return PullRequestWriter.Write(fix, "-<meta name=\"robots\" content=\"noindex\">\n", verification, [fix.Item],
            new Economics(), new Week(2026, 49), story, renders);
    }

    private static Fix Fix(string evidence)
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
        return new Fix(item, [new FileChange(mapping, source, source.Text, "Removes the noindex.", null)]);
    }
}
