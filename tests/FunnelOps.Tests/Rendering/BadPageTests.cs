using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Rendering;

/// <summary>
/// Pages that try to break a render, each against real Chromium with a short time budget: the
/// render ends, says what happened, and the renderer goes on working for the next page.
/// </summary>
[Collection(ChromiumGroup.Name)]
public sealed class BadPageTests : IAsyncLifetime
{
    private const string Viewport = """<meta name="viewport" content="width=device-width, initial-scale=1">""";
    // Long enough for a page on a busy machine, short enough that the endless script ends soon.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private PlaywrightMobileRenderer? _renderer;

    private PlaywrightMobileRenderer Renderer => _renderer ?? throw new InvalidOperationException(
        "This test needs Chromium and none was found. " + ChromiumLocator.InstallAdvice);

    public async Task InitializeAsync()
    {
        if (ChromiumLocator.Find() is { } executable)
        {
            _renderer = await PlaywrightMobileRenderer.LaunchAsync(executable, RenderSettings.Default with { PageBudget = Budget });
        }
    }

    public async Task DisposeAsync()
    {
        if (_renderer is not null)
        {
            await _renderer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_page_that_never_reaches_load_is_measured_as_it_stands_with_a_note()
    {
        await using var site = StallingSite.Start(("/", Html.Page("Stalls", Viewport, """<img src="/stall.png" alt="">""")));

        var render = await Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.Contains(render.Notes, n => n.Contains("did not finish loading", StringComparison.Ordinal));
        Assert.Equal(427, render.Metrics[RenderMetrics.LayoutWidth]);
    }

    [Fact]
    public async Task An_endless_script_ends_the_render_at_its_time_budget_and_the_next_page_renders()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Loop", Viewport, "<script>while (true) {}</script>")),
            ("fine/index.html", Html.Page("Fine", Viewport)));

        var looping = await Renderer.RenderAsync(site.Address, CancellationToken.None);
        var next = await Renderer.RenderAsync(site.Url("/fine/"), CancellationToken.None);

        Assert.Contains("time budget", looping.Error, StringComparison.Ordinal);
        Assert.Null(next.Error);
        Assert.Equal(0, next.Metrics[RenderMetrics.HorizontalOverflow]);
    }

    [Fact]
    public async Task A_page_that_navigates_away_and_opens_dialogs_and_windows_is_kept_and_measured()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Restless", Viewport, """
                <table style="min-width: 700px"><tr><td>Wide</td></tr></table>
                <script>
                  alert('Welcome!');
                  addEventListener('load', () => {
                    window.open('/elsewhere/', '_blank');
                    location.href = '/elsewhere/';
                  });
                </script>
                """)),
            ("elsewhere/index.html", Html.Page("Elsewhere", Viewport)));

        var render = await Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.True(render.Metrics[RenderMetrics.HorizontalOverflow] > 200,
            string.Join(" ", render.Notes) + string.Join(", ", render.Metrics.Select(m => $"{m.Key}={m.Value}")));
        Assert.Contains(render.Notes, n => n.Contains("dialog (alert", StringComparison.Ordinal));
        Assert.Contains(render.Notes, n => n.Contains("new window", StringComparison.Ordinal));
        Assert.Contains(render.Notes, n => n.Contains("tried to navigate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_of_200000_elements_is_measured_within_its_budget()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Huge", Viewport, """
            <div id="grid"></div>
            <script>document.getElementById('grid').innerHTML = '<div><span>cell</span></div>'.repeat(100000);</script>
            """)));

        var render = await Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.True(render.Metrics[RenderMetrics.DomElements] >= 200_000, $"{render.Metrics[RenderMetrics.DomElements]} elements");
    }

    [Fact]
    public async Task A_crashing_page_fails_with_a_reason_and_the_renderer_keeps_working()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("After", Viewport)));

        var crashed = await Renderer.RenderAsync(new Uri("chrome://crash"), CancellationToken.None);
        var next = await Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.NotNull(crashed.Error);
        Assert.Contains(crashed.Notes, n => n.Contains("second attempt", StringComparison.Ordinal));
        Assert.Null(next.Error);
    }

    [Fact]
    public async Task A_browser_that_crashes_is_restarted_and_the_page_is_tried_again()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("After", Viewport)));

        var crashed = await Renderer.RenderAsync(new Uri("chrome://inducebrowsercrashforrealz"), CancellationToken.None);
        var next = await Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.NotNull(crashed.Error);
        Assert.Null(next.Error);
        Assert.Equal(427, next.Metrics[RenderMetrics.LayoutWidth]);
    }

    [Fact]
    public async Task A_redirect_from_the_site_to_another_address_is_not_followed_by_the_browser()
    {
        // Another service on this machine's network address, as a cloud metadata endpoint would be on its own: it
        // counts every connection. The site is on loopback; the browser may reach no other host.
        var address = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork &&
                !System.Net.IPAddress.IsLoopback(a));
        Assert.True(address is not null, "This test needs a network address besides loopback; none was found.");
        using var elsewhere = new System.Net.Sockets.TcpListener(address, 0);
        elsewhere.Start();
        var port = ((System.Net.IPEndPoint)elsewhere.LocalEndpoint).Port;
        var connections = 0;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await elsewhere.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
            }
        });
        await using var site = await ServedSite.StartAsync(
            ("_redirects", $"/hop http://{address}:{port}/latest/meta-data/ 302\n/go http://{address}:{port}/ 302\n"),
            ("index.html", Html.Page("Redirects", Viewport,
                """<iframe src="/hop"></iframe><img src="/go" alt=""><script src="/go"></script>""")));
        var executable = ChromiumLocator.Find() ?? throw new InvalidOperationException(
            "This test needs Chromium and none was found. " + ChromiumLocator.InstallAdvice);
        await using var confined = await PlaywrightMobileRenderer.LaunchAsync(executable,
            RenderSettings.Default with { PageBudget = Budget, SiteHosts = [site.Address.Host] });

        var render = await confined.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.Equal(0, Volatile.Read(ref connections));
    }

    [Fact]
    public async Task Unreachable_other_hosts_do_not_hold_the_render()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Third parties", Viewport +
            """<script src="http://10.255.255.1/tag.js"></script><link rel="stylesheet" href="https://unreachable.invalid/a.css">""",
            """<img src="http://10.255.255.1/pixel.gif" alt=""><iframe src="http://10.255.255.1/embed"></iframe>""")));

        var render = await Renderer.RenderAsync(site.Address, CancellationToken.None);

        Assert.Null(render.Error);
        Assert.DoesNotContain(render.Notes, n => n.Contains("did not finish loading", StringComparison.Ordinal));
        Assert.Equal(0, render.Metrics[RenderMetrics.FailedRequests]);
    }
}
