using System.Globalization;
using FunnelOps.Rendering;
using Microsoft.Playwright;

namespace FunnelOps.Tests.Reporting;

/// <summary>report.html opened in headless Chromium on a phone-sized screen, read as a person would read it.</summary>
public sealed class HtmlReportBrowserTests : IAsyncLifetime
{
    private readonly List<string> _requests = [];
    private ReportRun _run = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _run = await ReportRun.StartAsync();
        var executable = ChromiumLocator.Find() ?? throw new InvalidOperationException(
            "This test needs Chromium and none was found. " + ChromiumLocator.InstallAdvice);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        _page = await context.NewPageAsync();
        _page.Request += (_, request) => _requests.Add(request.Url);
        await _page.GotoAsync(new Uri(_run.PathOf("report.html")).AbsoluteUri);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _run.DisposeAsync();
    }

    [Fact]
    public async Task The_top_finding_comes_first_with_its_impact()
    {
        var top = _run.Result.Backlog[0];

        var firstTitle = await _page.Locator("#backlog-table > tbody > tr .title").First.InnerTextAsync();
        var firstImpact = await _page.Locator("#backlog-table > tbody > tr td.num").First.InnerTextAsync();

        Assert.Equal(top.Finding.Playbook.Title, firstTitle);
        Assert.StartsWith(FunnelOps.Reporting.MarkdownText.Money(top.Impact.PerWeek, top.Impact.Currency), firstImpact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_a_column_reorders_the_rows_and_a_second_click_reverses_them()
    {
        await _page.ClickAsync("thead button[data-sort='stage']");
        var ascending = await VisibleAsync("data-stage");

        await _page.ClickAsync("thead button[data-sort='stage']");
        var descending = await VisibleAsync("data-stage");

        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.Order(StringComparer.Ordinal).Reverse(), descending);
        Assert.True(ascending.Distinct().Count() > 1);

        await _page.ClickAsync("thead button[data-sort='impact']");
        var impacts = (await VisibleAsync("data-impact")).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(impacts.OrderDescending(), impacts);
    }

    [Fact]
    public async Task Filtering_by_stage_shows_only_that_stages_findings()
    {
        var decision = _run.Result.Backlog.Count(i => i.Finding.Stage == Stage.Decision);

        await _page.SelectOptionAsync("#filter-stage", "decision");

        var stages = await VisibleAsync("data-stage");
        Assert.Equal(decision, stages.Count);
        Assert.All(stages, s => Assert.Equal("decision", s));
        Assert.Equal($"{decision} of {_run.Result.Backlog.Count} shown", await _page.InnerTextAsync("#shown"));
    }

    [Fact]
    public async Task Nothing_scrolls_sideways_on_a_phone_even_with_a_finding_opened()
    {
        await _page.ClickAsync("#backlog-table > tbody > tr summary");
        await _page.Locator("#backlog-table > tbody > tr figure img").First.WaitForAsync();

        var widths = await _page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");

        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]}px wide on a {widths[1]}px screen.");
        var shot = await _page.Locator("#backlog-table > tbody > tr figure img").First.EvaluateAsync<int>("i => i.naturalWidth");
        Assert.Equal(390, shot);
        Assert.True(await _page.Locator("#backlog-table > tbody > tr .formula").First.IsVisibleAsync());
    }

    [Fact]
    public async Task No_request_leaves_the_file_and_crawled_markup_shows_as_text()
    {
        await _page.ClickAsync("#backlog-table > tbody > tr summary");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.All(_requests, url => Assert.True(url.StartsWith("file://", StringComparison.Ordinal) ||
            url.StartsWith("data:", StringComparison.Ordinal), $"The report requested {url}."));
        Assert.Contains(ReportRun.HostileNote, await _page.InnerTextAsync("main"), StringComparison.Ordinal);
        // The only images are the screenshot of the top finding's page, once per finding on that page.
        var top = _run.Result.Backlog[0].Finding.Urls[0];
        var findingsOnTop = _run.Result.Backlog.Count(i => i.Finding.Urls.Take(3).Contains(top));
        Assert.Equal(findingsOnTop, await _page.Locator("img").CountAsync());
        Assert.All(await _page.Locator("img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.src)"),
            src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_funnel_shows_every_stage_and_the_learning_table_the_confidence_each_outcome_left()
    {
        var stages = await _page.Locator("#funnel li .stage").AllInnerTextsAsync();
        var decision = await _page.InnerTextAsync("#funnel li[data-stage='decision'] .figures");
        var learning = await _page.InnerTextAsync("#learning");

        Assert.Equal(["awareness", "consideration", "decision", "retention"], stages.Select(s => s.ToLowerInvariant()));
        var findings = _run.Result.Backlog.Count(i => i.Finding.Stage == Stage.Decision);
        Assert.Contains($"{findings} findings", decision, StringComparison.Ordinal);
        Assert.Contains("2026-W41 rejected →", learning, StringComparison.Ordinal);
        Assert.Contains("2026-W40 merged and improved →", learning, StringComparison.Ordinal);
    }

    private async Task<List<string>> VisibleAsync(string attribute) =>
        [.. await _page.EvalOnSelectorAllAsync<string[]>("#backlog-table > tbody > tr:not([hidden])",
            $"rows => rows.map(r => r.getAttribute('{attribute}'))")];
}
