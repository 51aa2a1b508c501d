using System.Buffers.Binary;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Rendering;

/// <summary>Each metric of a render, measured in real Chromium on a page built to show it, and on one that does not.</summary>
[Collection(ChromiumGroup.Name)]
public sealed class RenderMetricsTests(ChromiumFixture chromium)
{
    private const string Viewport = """<meta name="viewport" content="width=device-width, initial-scale=1">""";

    [Fact]
    public async Task A_banner_pushed_in_above_the_content_after_the_first_paint_is_a_layout_shift_naming_what_moved()
    {
        // The script arrives half a second late and pushes a banner in above the text.
        await using var site = StallingSite.Start(
            ("/", Html.Page("Shift", Viewport, """
                <p class="intro" style="font-size:20px">Plan sprints with confidence and ship on the dates you promise.</p>
                <script src="/slow-banner.js" async></script>
                """)),
            ("/slow-banner.js", """
                const shift = () => {
                  const banner = document.createElement('div');
                  banner.style.height = '300px';
                  document.querySelector('main').prepend(banner);
                };
                // Chrome counts shifts only once something was painted: on a busy machine, wait for that.
                if (performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')) shift();
                else new PerformanceObserver((list, observer) => { observer.disconnect(); requestAnimationFrame(shift); })
                  .observe({ type: 'paint' });
                """),
            ("/still/", Html.Page("Still", Viewport, "<p>Nothing moves here.</p>")));

        var shifting = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);
        var still = await chromium.Renderer.RenderAsync(new Uri(site.Address, "/still/"), CancellationToken.None);

        Assert.True(shifting.Metrics[RenderMetrics.Cls] > 0.1, $"CLS {shifting.Metrics[RenderMetrics.Cls]}");
        Assert.Contains(shifting.Evidence[RenderMetrics.Cls], e => e.Contains("Plan sprints with confidence", StringComparison.Ordinal) &&
            e.Contains("(shift 0.", StringComparison.Ordinal));
        Assert.Equal(0, still.Metrics[RenderMetrics.Cls]);
    }

    [Fact]
    public async Task A_script_that_holds_the_main_thread_after_the_first_paint_adds_to_total_blocking_time()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Busy", Viewport, """
            <script>
              requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
                const start = performance.now();
                while (performance.now() - start < 400) {}
              }, 0)));
            </script>
            """)));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.True(render.Metrics[RenderMetrics.TotalBlockingTime] >= 300, $"TBT {render.Metrics[RenderMetrics.TotalBlockingTime]}");
        Assert.True(render.Metrics[RenderMetrics.LongTasks] >= 1);
    }

    [Fact]
    public async Task Text_set_at_10_pixels_or_shrunk_by_a_missing_viewport_is_counted_as_small_text()
    {
        var text = string.Join(' ', Enumerable.Repeat("Forecast delivery dates from real capacity.", 6));
        await using var site = await ServedSite.StartAsync(
            ("tiny/index.html", Html.Page("Tiny", Viewport + "<style>body { font-size: 10px } h1 { font-size: 10px }</style>", $"<p>{text}</p>")),
            ("desktop/index.html", Html.Page("Desktop", "", $"<p>{text}</p>")),
            ("index.html", Html.Page("Readable", Viewport, $"<p>{text}</p><small style=\"font-size:10px\">Terms</small>")));

        var tiny = await chromium.Renderer.RenderAsync(site.Url("/tiny/"), CancellationToken.None);
        var desktop = await chromium.Renderer.RenderAsync(site.Url("/desktop/"), CancellationToken.None);
        var readable = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.True(tiny.Metrics[RenderMetrics.SmallTextShare] > 0.9, $"{tiny.Metrics[RenderMetrics.SmallTextShare]}");
        Assert.True(desktop.Metrics[RenderMetrics.SmallTextShare] > 0.9, $"{desktop.Metrics[RenderMetrics.SmallTextShare]}");
        Assert.True(desktop.Metrics[RenderMetrics.InitialScale] < 0.5, $"{desktop.Metrics[RenderMetrics.InitialScale]}");
        Assert.True(readable.Metrics[RenderMetrics.SmallTextShare] < 0.1, $"{readable.Metrics[RenderMetrics.SmallTextShare]}");
        Assert.Equal(1, readable.Metrics[RenderMetrics.InitialScale]);
    }

    [Fact]
    public async Task A_big_image_shown_small_is_oversized_and_listed_with_both_sizes_and_bytes_are_counted_by_type()
    {
        var folder = TempFolder.With(("index.html", Html.Page("Images", Viewport + """<link rel="stylesheet" href="/site.css">""",
            """<img class="shot" src="/big.png" width="200" height="100" alt="Board"><img src="/small.png" width="100" height="100" alt="">""")),
            ("site.css", "main { padding: 8px }"));
        folder.WriteBytes("big.png", Png.Create(2400, 1200));
        folder.WriteBytes("small.png", Png.Create(100, 100));
        await using var site = await ServedSite.ServeAsync(folder);

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Equal(1, render.Metrics[RenderMetrics.OversizedImages]);
        Assert.StartsWith("img.shot", render.Evidence[RenderMetrics.LargestImagesEvidence][0], StringComparison.Ordinal);
        Assert.Contains("file 2400x1200, shown 200x100", render.Evidence[RenderMetrics.LargestImagesEvidence][0], StringComparison.Ordinal);
        Assert.True(render.Metrics[RenderMetrics.BytesImage] > 0);
        Assert.True(render.Metrics[RenderMetrics.BytesStylesheet] > 0);
        Assert.True(render.Metrics[RenderMetrics.BytesDocument] > 0);
        var parts = new[] { RenderMetrics.BytesDocument, RenderMetrics.BytesScript, RenderMetrics.BytesStylesheet,
            RenderMetrics.BytesImage, RenderMetrics.BytesFont, RenderMetrics.BytesOther };
        Assert.Equal(render.Metrics[RenderMetrics.BytesTotal], parts.Sum(p => render.Metrics[p]));
    }

    [Fact]
    public async Task Console_errors_and_failed_requests_to_the_site_are_counted_and_named()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Errors", Viewport,
            """<img src="/missing.png" alt=""><script>console.error('Pricing widget failed'); undefinedFunction();</script>""")));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.True(render.Metrics[RenderMetrics.ConsoleErrors] >= 2, string.Join("; ", render.Evidence[RenderMetrics.ConsoleErrors]));
        Assert.Contains(render.Evidence[RenderMetrics.ConsoleErrors], e => e.Contains("Pricing widget failed", StringComparison.Ordinal));
        Assert.Equal(1, render.Metrics[RenderMetrics.FailedRequests]);
        Assert.Contains("/missing.png (status 404)", Assert.Single(render.Evidence[RenderMetrics.FailedRequests]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_LCP_image_added_by_a_script_is_discovered_late_and_one_in_the_HTML_with_high_priority_is_not()
    {
        var folder = TempFolder.With(
            ("late/index.html", Html.Page("Late", Viewport, """
                <div id="hero"></div>
                <script>document.getElementById('hero').innerHTML = '<img src="/he' + 'ro.png" width="340" height="300" alt="">';</script>
                """)),
            ("index.html", Html.Page("Early", Viewport, """<img src="/hero.png" fetchpriority="high" width="340" height="300" alt="">""")));
        folder.WriteBytes("hero.png", Png.Create(340, 300));
        await using var site = await ServedSite.ServeAsync(folder);

        var late = await chromium.Renderer.RenderAsync(site.Url("/late/"), CancellationToken.None);
        var early = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Equal(1, late.Metrics[RenderMetrics.LcpIsImage]);
        Assert.Equal(1, late.Metrics[RenderMetrics.LcpDiscoveredLate]);
        Assert.Equal(0, late.Metrics[RenderMetrics.LcpFetchPriorityHigh]);
        Assert.Equal(1, early.Metrics[RenderMetrics.LcpIsImage]);
        Assert.Equal(0, early.Metrics[RenderMetrics.LcpDiscoveredLate]);
        Assert.Equal(1, early.Metrics[RenderMetrics.LcpFetchPriorityHigh]);
    }

    [Fact]
    public async Task Two_tap_targets_laid_over_each_other_are_reported_as_overlapping()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Overlap", Viewport, """
            <div style="position:relative;height:60px">
              <a href="/demo/" style="position:absolute;left:0;top:0;width:120px;height:48px;display:block">Book a demo</a>
              <a href="/pricing/" style="position:absolute;left:60px;top:10px;width:120px;height:48px;display:block">Pricing</a>
            </div>
            """)));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Equal(2, render.Metrics[RenderMetrics.SmallTapTargets]);
        Assert.Contains(render.Evidence[RenderMetrics.SmallTapTargets], e => e.Contains("overlaps a \"/pricing/\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Screenshots_of_the_screen_and_of_the_page_cut_at_its_limit_are_written_per_page_at_CSS_scale()
    {
        using var output = new TempFolder();
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Long", Viewport, """<div style="height:5000px">Tall</div>""")));
        await using var renderer = await PlaywrightMobileRenderer.LaunchAsync(ChromiumLocator.Find()!, RenderSettings.Default with
        {
            ScreenshotDirectory = output.Path,
            FullPageMaxHeight = 2000,
        });

        var render = await renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.StartsWith(Path.Combine(output.Path, "home-"), render.ScreenshotPath, StringComparison.Ordinal);
        Assert.Equal((427, 876), PngSize(render.ScreenshotPath!));
        Assert.Equal((427, 2000), PngSize(render.FullPageScreenshotPath!));
    }

    [Fact]
    public async Task A_named_phone_and_a_slow_network_are_applied()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Phone", Viewport)));
        await using var renderer = await PlaywrightMobileRenderer.LaunchAsync(ChromiumLocator.Find()!, RenderSettings.Default with
        {
            Device = "Galaxy S24",
            Network = "slow 4g",
            CpuSlowdown = 4,
        });

        var render = await renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.Equal(360, render.Metrics[RenderMetrics.LayoutWidth]);
        // Slow 4G adds 150 ms to every round trip, so nothing can paint sooner.
        Assert.True(render.Metrics[RenderMetrics.Lcp] >= 150, $"LCP {render.Metrics[RenderMetrics.Lcp]}");
    }

    [Fact]
    public async Task Pages_render_two_at_a_time_and_closing_the_renderer_waits_for_those_in_flight()
    {
        await using var site = await ServedSite.StartAsync(
            [.. Enumerable.Range(1, 5).Select(i => ($"p{i}/index.html", Html.Page($"Page {i}", Viewport)))]);
        var renderer = await PlaywrightMobileRenderer.LaunchAsync(ChromiumLocator.Find()!, RenderSettings.Default with { Concurrency = 2 });

        var renders = Enumerable.Range(1, 5).Select(i => renderer.RenderAsync(site.Url($"/p{i}/"), CancellationToken.None)).ToList();
        await Task.Delay(50);
        await renderer.DisposeAsync();
        var results = await Task.WhenAll(renders);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(5, results.Select(r => r.Url).Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_phone_or_network_is_refused_with_the_names_that_exist()
    {
        var unknownPhone = await Assert.ThrowsAsync<ArgumentException>(() =>
            PlaywrightMobileRenderer.LaunchAsync(ChromiumLocator.Find()!, RenderSettings.Default with { Device = "Nokia 3310" }));
        var unknownNetwork = await Assert.ThrowsAsync<ArgumentException>(() =>
            PlaywrightMobileRenderer.LaunchAsync(ChromiumLocator.Find()!, RenderSettings.Default with { Network = "5G" }));

        Assert.Contains("Pixel 10", unknownPhone.Message, StringComparison.Ordinal);
        Assert.Contains("Slow 4G", unknownNetwork.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_browser_installed_by_Playwright_is_found_newest_revision_first()
    {
        using var cache = new TempFolder();
        cache.Write("chromium-1100/chrome-linux/chrome", "old");
        cache.Write("chromium-1200/chrome-linux64/chrome", "new");
        cache.Write("firefox-1400/firefox/firefox", "other");

        var found = ChromiumLocator.FindPlaywrightManaged([cache.Path, "/nonexistent/ms-playwright"]);

        Assert.Equal(Path.Combine(cache.Path, "chromium-1200", "chrome-linux64", "chrome"), found);
        Assert.Null(ChromiumLocator.FindPlaywrightManaged(["/nonexistent/ms-playwright"]));
    }

    [Fact]
    public void A_configured_browser_that_does_not_exist_is_not_replaced_and_the_reason_says_how_to_install_one()
    {
        Assert.Null(ChromiumLocator.Find("/nonexistent/chrome"));
        var reason = ChromiumLocator.Explain("/nonexistent/chrome");
        Assert.Contains("No Chromium or Chrome was found at /nonexistent/chrome", reason, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", reason, StringComparison.Ordinal);
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(16, 8);
        return (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }
}
