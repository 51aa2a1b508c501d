using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Rendering;

[Collection(ChromiumGroup.Name)]
public sealed class PlaywrightMobileRendererTests(ChromiumFixture chromium)
{
    private const string Viewport = """<meta name="viewport" content="width=device-width, initial-scale=1">""";

    [Fact]
    public async Task A_table_wider_than_the_phone_is_measured_as_horizontal_overflow_and_named()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Compare", Viewport,
            """<table class="compare" style="min-width: 760px"><tr><td>Keelboard</td><td>Taskforge</td></tr></table>""")));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.True(render.Metrics[RenderMetrics.HorizontalOverflow] > 300,
            $"overflow was {render.Metrics[RenderMetrics.HorizontalOverflow]}");
        Assert.Contains(render.Evidence[RenderMetrics.HorizontalOverflow], e => e.StartsWith("table.compare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_that_fits_the_phone_has_no_overflow()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Fits", Viewport)));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Equal(0, render.Metrics[RenderMetrics.HorizontalOverflow]);
        Assert.Equal(427, render.Metrics[RenderMetrics.LayoutWidth]);
    }

    [Fact]
    public async Task A_page_without_viewport_meta_is_laid_out_980_pixels_wide()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Desktop only")));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Equal(980, render.Metrics[RenderMetrics.LayoutWidth]);
    }

    [Fact]
    public async Task Tiny_footer_links_packed_together_are_small_tap_targets_but_links_in_a_sentence_are_not()
    {
        var footer = string.Join("\n", Enumerable.Range(1, 12).Select(i =>
            $"""<a href="/p{i}/" style="font-size:10px;line-height:11px">Page {i}</a>"""));
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Taps", Viewport,
            $"""
            <p>Read the <a href="/guide/">planning guide</a> before your next sprint review with the team.</p>
            <nav class="footer-links">{footer}</nav>
            """)));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        var small = render.Evidence[RenderMetrics.SmallTapTargets];
        Assert.True(render.Metrics[RenderMetrics.SmallTapTargets] >= 10, string.Join("; ", small));
        Assert.DoesNotContain(small, e => e.Contains("/guide/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lazy_loaded_hero_image_is_reported_as_the_lazy_LCP_image_with_a_selector_for_it()
    {
        var folder = TempFolder.With(("index.html", Html.Page("Hero", Viewport,
            """<img src="/hero.png" loading="lazy" width="380" height="300" alt="Dashboard">""")));
        folder.WriteBytes("hero.png", Png.Create(380, 300));
        await using var site = await ServedSite.ServeAsync(folder);

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.True(render.Metrics[RenderMetrics.LcpImageLazy] == 1, string.Join(", ", render.Metrics.Select(m => $"{m.Key}={m.Value}")) + " / " + string.Join(", ", render.Evidence[RenderMetrics.Lcp]) + render.Error);
        Assert.Equal("""img[src="/hero.png"]""", Assert.Single(render.Evidence[RenderMetrics.LcpImageLazy]));
    }

    [Fact]
    public async Task Requests_to_other_hosts_are_refused_so_an_unreachable_script_cannot_hold_the_render()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Third party", Viewport +
            """<script src="http://10.255.255.1/tracker.js"></script>""")));

        var render = await chromium.Renderer.RenderAsync(site.Address, CancellationToken.None);

        // Had the script been requested, the page would not reach "load" within its time budget.
        Assert.Null(render.Error);
    }
}
