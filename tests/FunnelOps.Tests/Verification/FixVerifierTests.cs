using FunnelOps.Classification;
using FunnelOps.Fixes;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;
using FunnelOps.Verification;

namespace FunnelOps.Tests.Verification;

/// <summary>
/// Verification of a static site: the patched files are served as they are and the edited pages are
/// checked again with every playbook before anything is published.
/// </summary>
public sealed class FixVerifierTests
{
    private const string Features = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Features | Keelboard</title>
          <meta name="description" content="Keelboard keeps roadmaps, sprints and releases on one board, so owners see what ships this week.">
          <link rel="canonical" href="/features/">
        </head>
        <body><main><h1>Features</h1><p>Boards for product teams.</p><a href="/">Home</a></main></body>
        </html>
        """;

    [Fact]
    public async Task A_fix_that_removes_its_finding_and_adds_nothing_passes()
    {
        await using var site = await Site();
        var (pipeline, fix) = await PlanViewport(site);

        await fix.Files[0].WriteAsync(CancellationToken.None);
        var verification = await Verify(pipeline, fix);

        Assert.True(verification.Passed, verification.Summary);
        Assert.Equal(
            "FunnelOps served the edited page from the patched files and re-ran every playbook: the problem is gone " +
            "and nothing new appeared.", verification.Summary);
    }

    [Fact]
    public async Task A_fix_that_causes_a_new_problem_is_not_published_and_the_report_names_it()
    {
        await using var site = await Site();
        var (pipeline, planned) = await PlanViewport(site);

        // The viewport arrives, but the title goes missing with the same edit.
        var careless = planned.Files[0] with
        {
            NewText = planned.Files[0].NewText.Replace("<title>Features | Keelboard</title>", "", StringComparison.Ordinal),
        };
        await careless.WriteAsync(CancellationToken.None);
        var verification = await Verify(pipeline, planned with { Files = [careless] });

        Assert.False(verification.Passed);
        Assert.Equal(
            "FunnelOps applied the edit to a copy of the site and checked the edited page again: the original " +
            "problem is gone, but the edit caused a new problem (\"Give every page a title\" on /features/), so the " +
            "change was not published. Fix the page by hand, keeping what the check asks for.", verification.Summary);
        Assert.Equal(["title-missing on /features/"], verification.NewProblems);
    }

    [Fact]
    public async Task A_fix_written_to_the_wrong_place_is_caught()
    {
        await using var site = await Site();
        var (pipeline, planned) = await PlanViewport(site);

        // The viewport lands inside a comment, where browsers and the check ignore it.
        var wrong = planned.Files[0] with
        {
            NewText = planned.Files[0].Source.Text.Replace(
                "<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><!-- <meta name=\"viewport\"> -->",
                StringComparison.Ordinal),
        };
        await wrong.WriteAsync(CancellationToken.None);
        var verification = await Verify(pipeline, planned with { Files = [wrong] });

        Assert.False(verification.Passed);
        Assert.StartsWith(
            "FunnelOps applied the edit to a copy of the site and checked /features/ again: \"Make the page fit " +
            "phone screens\" still fails there, so the change was not published.", verification.Summary,
            StringComparison.Ordinal);
    }

    private static Task<ServedSite> Site() => ServedSite.StartAsync(
        ("index.html", Html.Page("Home", "", """<a href="/features/">Features</a>""")),
        ("features/index.html", Features));

    private static async Task<(Pipeline, Fix)> PlanViewport(ServedSite site)
    {
        var pipeline = await Pipeline.RunAsync(site.Address);
        var item = pipeline.Backlog.Single(i =>
            i.Finding.Playbook.Id == "viewport-missing" && i.Finding.Urls.Any(u => u.AbsolutePath == "/features/"));
        var plan = new FixPlanner(FixPlanner.BuiltIn).Plan([item], pipeline.Crawl, site.Folder.Path, new HashSet<string>());
        Assert.True(plan.Fix is not null, plan.PassedOver.Count > 0 ? plan.PassedOver[0].Reason : "no plan");
        return (pipeline, plan.Fix);
    }

    private static Task<VerificationResult> Verify(Pipeline pipeline, Fix fix) =>
        new FixVerifier(Engine.Crawler(), new StageClassifier([]), pipeline.Playbooks, renderer: null)
            .VerifyAsync(fix, pipeline.Findings, new Dictionary<Uri, RenderResult>(), pipeline.Options, CancellationToken.None);
}
