using FunnelOps.Crawling;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Rendering;

/// <summary>The render stage of a weekly run: a sample by template, findings for the whole template, screenshots.</summary>
public sealed class RenderStageTests
{
    private const string Viewport = """<meta name="viewport" content="width=device-width, initial-scale=1">""";

    [Fact]
    public async Task A_sampled_run_renders_a_few_posts_of_a_template_and_reports_the_overflow_on_every_post()
    {
        static string Post(int i) => Html.Page($"Post {i}", Viewport,
            $"""<div class="post-layout"><article class="post"><p>Post {i}.</p><table style="min-width:800px"><tr><td>Wide</td></tr></table></article></div>""");
        var files = Enumerable.Range(1, 8).Select(i => ($"blog/post-{i}/index.html", Post(i))).ToList();
        files.Add(("index.html", Html.Page("Home", Viewport, string.Concat(Enumerable.Range(1, 8).Select(i => $"""<a href="/blog/post-{i}/">Post {i}</a> """)))));
        await using var site = await ServedSite.StartAsync([.. files]);
        using var output = new TempFolder();
        var run = new WeeklyRun(Engine.Crawler(), NullLogger<WeeklyRun>.Instance, TimeProvider.System);

        var result = await run.RunAsync(new RunRequest
        {
            Site = site.Address,
            OutputDirectory = output.Path,
            PlaybookPaths = [Engine.BuiltInPlaybooks],
            RenderSettings = RenderSettings.Default with { PagesPerTemplate = 2 },
        }, new QuietObserver(), CancellationToken.None);

        Assert.Equal(3, result.Renders.Count);
        var overflowing = result.Findings.Where(f => f.Playbook.Id == "horizontal-overflow").SelectMany(f => f.Urls).ToHashSet();
        Assert.All(Enumerable.Range(1, 8), i => Assert.Contains(site.Url($"/blog/post-{i}/"), overflowing));
        Assert.All(result.Renders.Values, r => Assert.True(File.Exists(r.ScreenshotPath), r.Url.ToString()));
        Assert.All(result.Renders.Values, r => Assert.StartsWith(Path.Combine(output.Path, "screenshots"), r.FullPageScreenshotPath, StringComparison.Ordinal));
    }

    private sealed class QuietObserver : IRunObserver
    {
        public IProgress<CrawlProgress>? CrawlProgress => null;

        public void StageStarted(string stage, string description)
        {
        }

        public void StageFinished(string stage, string summary)
        {
        }
    }
}
