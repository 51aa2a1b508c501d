using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

/// <summary>
/// Field checks (a value read from the page against bounds and patterns) and attribute conditions written as
/// selectors, each on a page that passes and a page that fails.
/// </summary>
public sealed class FieldCheckTests
{
    [Theory]
    [InlineData("Pricing", false)]
    [InlineData("Keelboard pricing: plans for teams of every size, billed monthly or yearly", true)]
    [InlineData("Pri", true)]
    public async Task A_text_length_outside_its_bounds_is_a_finding_that_gives_the_length(string title, bool found)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: title
                min_length: 5
                max_length: 60
            """));

        var findings = await EvaluateAsync(playbook, Html.Page(title));

        Assert.Equal(found, findings.Count > 0);
        if (found)
        {
            Assert.Contains($"The title is {title.Length} characters (expected 5-60)", Assert.Single(findings).Evidence[0],
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_required_field_that_is_missing_says_so_and_a_present_one_passes()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: meta-description
                required: true
            """));

        var missing = await EvaluateAsync(playbook, Html.Page("Pricing"));
        var present = await EvaluateAsync(playbook,
            Html.Page("Pricing", head: """<meta name="description" content="Plans for every team.">"""));

        Assert.Equal("The page has no meta-description.", Assert.Single(missing).Evidence[0]);
        Assert.Empty(present);
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(300, false)]
    public async Task A_number_under_its_minimum_is_a_finding(int words, bool found)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: word-count
                min: 200
            """));
        var body = "<p>" + string.Join(' ', Enumerable.Repeat("planning", words)) + "</p>";

        var findings = await EvaluateAsync(playbook, Html.Page("Guide", body: body));

        Assert.Equal(found, findings.Count > 0);
    }

    [Theory]
    [InlineData("Sprint planning | Keelboard", false)]
    [InlineData("Sprint planning", true)]
    public async Task A_pattern_the_text_must_match_finds_pages_without_it(string title, bool found)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: title
                matches: "\\bkeelboard\\b"
            """));

        var findings = await EvaluateAsync(playbook, Html.Page(title));

        Assert.Equal(found, findings.Count > 0);
    }

    [Theory]
    [InlineData("noindex, follow", true)]
    [InlineData("index, follow", false)]
    public async Task A_pattern_the_text_must_not_match_finds_pages_with_it(string robots, bool found)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: robots
                forbids: "\\bnoindex\\b"
            """));

        var findings = await EvaluateAsync(playbook,
            Html.Page("Pricing", head: $"""<meta name="robots" content="{robots}">"""));

        Assert.Equal(found, findings.Count > 0);
    }

    [Fact]
    public async Task A_pattern_that_backtracks_without_end_is_cut_off_and_does_not_hang_the_run()
    {
        // A hostile or careless pattern meets a long page value: the match is abandoned after its time
        // limit and counts as "no match", so the forbidding check passes instead of stalling the run.
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: field
                field: title
                forbids: "^(a+)+$"
            """));

        var findings = await EvaluateAsync(playbook, Html.Page(new string('a', 40) + "!"));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("""<img src="/a.png" alt="Roadmap view">""", false)]
    [InlineData("""<img src="/a.png">""", true)]
    public async Task An_attribute_that_must_be_present_is_a_selector_that_must_match_nothing(string image, bool found)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: "img:not([alt])"
                expect: absent
            """));

        var findings = await EvaluateAsync(playbook, Html.Page("Features", body: image));

        Assert.Equal(found, findings.Count > 0);
    }

    [Theory]
    [InlineData("""<a href="https://keelboard.test/demo/">Book a demo</a>""", false)]
    [InlineData("""<a href="http://keelboard.test/demo/">Book a demo</a>""", true)]
    public async Task An_attribute_value_that_must_not_match_is_an_attribute_selector(string link, bool found)
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml("""
              - kind: selector
                selector: "a[href^='http:']"
                expect: absent
            """));

        var findings = await EvaluateAsync(playbook, Html.Page("Features", body: link));

        Assert.Equal(found, findings.Count > 0);
        if (found)
        {
            Assert.Contains("http://keelboard.test/demo/", string.Join('\n', Assert.Single(findings).Evidence),
                StringComparison.Ordinal);
        }
    }

    private static async Task<IReadOnlyList<Finding>> EvaluateAsync(Playbook playbook, string html)
    {
        await using var site = await ServedSite.StartAsync(("features/index.html", html));
        var crawl = await Engine.CrawlAsync(site.Url("/features/"), [.. PlaybookEvaluator.ProbesFor([playbook])]);
        return PlaybookEvaluator.Evaluate([playbook], crawl, PlaybookText.Stages(crawl),
            new Dictionary<Uri, RenderResult>());
    }
}
