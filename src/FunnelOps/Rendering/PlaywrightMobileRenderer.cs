using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace FunnelOps.Rendering;

/// <summary>
/// Renders pages in one headless Chromium through Playwright with a phone's screen and user agent.
/// Each page gets a fresh browser context; <see cref="RenderSettings.Concurrency"/> pages load at
/// once. A page that crashes, or takes the browser down with it, is tried once more on a restarted
/// browser.
/// </summary>
public sealed class PlaywrightMobileRenderer : IMobileRenderer
{
    /// <summary>The phone whose profile is used by default.</summary>
    public const string DefaultDevice = RenderSettings.DefaultDevice;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    // Port 1 of loopback: nothing listens there, so a request sent to this "proxy" is refused at once.
    private const string NowhereProxy = "http://127.0.0.1:1";

    private readonly IPlaywright _playwright;
    private readonly string _executablePath;
    private readonly RenderSettings _settings;
    private readonly BrowserNewContextOptions _device;
    private readonly NetworkProfile? _network;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _restart = new(1, 1);
    private IBrowser _browser;

    private PlaywrightMobileRenderer(IPlaywright playwright, IBrowser browser, string executablePath,
        RenderSettings settings, BrowserNewContextOptions device, NetworkProfile? network)
    {
        _playwright = playwright;
        _browser = browser;
        _executablePath = executablePath;
        _settings = settings;
        _device = device;
        _network = network;
        _slots = new SemaphoreSlim(settings.Concurrency, settings.Concurrency);
    }

    /// <summary>The phone profile in use, as configured.</summary>
    public string Device => _settings.Device;

    /// <summary>
    /// Launches the browser at <paramref name="executablePath"/> with the default settings and
    /// <paramref name="pageBudget"/> per page.
    /// </summary>
    public static Task<PlaywrightMobileRenderer> LaunchAsync(string executablePath, TimeSpan pageBudget) =>
        LaunchAsync(executablePath, RenderSettings.Default with { PageBudget = pageBudget });

    /// <summary>Launches the browser at <paramref name="executablePath"/> with <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">When the device or network profile is unknown, or a number is out of range.</exception>
    public static async Task<PlaywrightMobileRenderer> LaunchAsync(string executablePath, RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var network = NetworkProfile.Find(settings.Network);
        if (settings.Network is not null && network is null)
        {
            throw new ArgumentException($"Unknown network profile \"{settings.Network}\". Use one of: " +
                $"{string.Join(", ", NetworkProfile.Names)}.", nameof(settings));
        }

        if (settings.Concurrency is < 1 or > 16 || settings.CpuSlowdown is < 1 or > 20 || settings.PageBudget <= TimeSpan.Zero)
        {
            throw new ArgumentException("Render settings out of range: pages at once must be 1 to 16, the CPU slowdown " +
                "1 to 20 and the time per page above zero.", nameof(settings));
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            if (!playwright.Devices.TryGetValue(settings.Device, out var device))
            {
                var phones = playwright.Devices
                    .Where(d => d.Value.IsMobile == true && !d.Key.EndsWith("landscape", StringComparison.Ordinal))
                    .Select(d => d.Key).Order(StringComparer.Ordinal);
                throw new ArgumentException($"Unknown device \"{settings.Device}\". Use a name from Playwright's device " +
                    $"list, such as: {string.Join(", ", phones)}.", nameof(settings));
            }

            var browser = await LaunchBrowserAsync(playwright, executablePath, settings.SiteHosts);
            return new PlaywrightMobileRenderer(playwright, browser, executablePath, settings, device, network);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<RenderResult> RenderAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var browser = _browser;
            var (result, crashed) = await RenderOnceAsync(browser, url, cancellationToken);
            if (crashed && !cancellationToken.IsCancellationRequested)
            {
                // A crashed page is retried once; if it took the browser down, on a new browser.
                await RestartIfGoneAsync(browser);
                var (second, _) = await RenderOnceAsync(_browser, url, cancellationToken);
                result = second with
                {
                    Notes = [$"The first attempt failed ({result.Error}); this is the second attempt.", .. second.Notes],
                };
            }

            return result with { Duration = clock.Elapsed };
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<(RenderResult Result, bool Crashed)> RenderOnceAsync(
        IBrowser browser, Uri url, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_settings.PageBudget);
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => _settings.PageBudget - clock.Elapsed is var left && left > TimeSpan.Zero
            ? left
            : TimeSpan.FromMilliseconds(1);
        var watch = new PageWatch(url);
        IBrowserContext? context = null;
        try
        {
            context = await browser.NewContextAsync(_device).WaitAsync(budget.Token);
            var page = await context.NewPageAsync().WaitAsync(budget.Token);
            page.SetDefaultTimeout((float)_settings.PageBudget.TotalMilliseconds);
            watch.Attach(context, page);
            await page.AddInitScriptAsync(MeasureScripts.Observe);
            await RouteAsync(context, page, url, watch);
            await ThrottleAsync(context, page);

            var html = await NavigateAsync(page, url, watch, _settings.PageBudget * 0.6, budget.Token);
            var json = await page.EvaluateAsync<string>(MeasureScripts.Measure).WaitAsync(Left(), budget.Token);
            using var document = JsonDocument.Parse(json);
            var result = RenderReader.Read(url, document.RootElement, html, watch);
            return (await ScreenshotAsync(page, result, Left(), budget.Token), false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException &&
            !cancellationToken.IsCancellationRequested)
        {
            var seconds = _settings.PageBudget.TotalSeconds;
            return (Failed(url, watch, $"The page did not finish loading and measuring within {seconds:0.#} s, its time " +
                "budget: a script may be running without end, or the server is too slow. It was not measured."), false);
        }
        catch (PlaywrightException exception)
        {
            var crashed = watch.Crashed || !browser.IsConnected ||
                exception.Message.Contains("crash", StringComparison.OrdinalIgnoreCase) ||
                exception.Message.Contains("closed", StringComparison.OrdinalIgnoreCase);
            var reason = crashed ? "The browser crashed while loading the page" : "The page could not be rendered";
            return (Failed(url, watch, $"{reason}: {exception.Message.Split('\n')[0]}"), crashed);
        }
        finally
        {
            if (context is not null)
            {
                await CloseAsync(context);
            }
        }
    }

    private static RenderResult Failed(Uri url, PageWatch watch, string error) => new()
    {
        Url = url,
        Metrics = new Dictionary<string, double>(),
        Error = error,
        Notes = watch.Notes,
    };

    private static async Task RouteAsync(IBrowserContext context, IPage page, Uri url, PageWatch watch)
    {
        // Only the site itself is loaded: requests to other hosts are refused at once, so that an
        // unreachable third-party script cannot hold a render until its time budget ends. Once the
        // page has arrived, it may not navigate away, or there would be nothing left to measure.
        await context.RouteAsync("**/*", async route =>
        {
            var request = route.Request;
            var elsewhere = !Uri.TryCreate(request.Url, UriKind.Absolute, out var target) || target.Authority != url.Authority;
            if (watch.Arrived && request.IsNavigationRequest && IsMainFrame(request, page))
            {
                // A "204 No Content" answer leaves the browser on the current page; refusing the
                // request instead would replace the page with an error page.
                watch.Note($"The page tried to navigate to {Cut(request.Url)}; it was kept where it was.");
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
            }
            else if (elsewhere)
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
    }

    // A new window's first request comes before its frame exists, and asking for the frame then throws.
    private static bool IsMainFrame(IRequest request, IPage page)
    {
        try
        {
            return request.Frame == page.MainFrame;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private async Task ThrottleAsync(IBrowserContext context, IPage page)
    {
        if (_network is null && _settings.CpuSlowdown <= 1)
        {
            return;
        }

        var session = await context.NewCDPSessionAsync(page);
        if (_settings.CpuSlowdown > 1)
        {
            var rate = new Dictionary<string, object> { ["rate"] = _settings.CpuSlowdown };
            await session.SendAsync("Emulation.setCPUThrottlingRate", rate);
        }

        if (_network is { } network)
        {
            await session.SendAsync("Network.enable");
            await session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = network.LatencyMs,
                ["downloadThroughput"] = network.DownloadKbps * 1024 / 8,
                ["uploadThroughput"] = network.UploadKbps * 1024 / 8,
            });
        }
    }

    // Loads the page and returns the HTML the server sent. A page that never reaches "load" within
    // its share of the budget is measured as it stands, with a note saying so.
    private static async Task<string> NavigateAsync(
        IPage page, Uri url, PageWatch watch, TimeSpan loadBudget, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions
        {
            WaitUntil = WaitUntilState.Commit,
            Timeout = (float)loadBudget.TotalMilliseconds,
        }).WaitAsync(cancellationToken);
        watch.Arrived = true;
        try
        {
            var left = Math.Max(1, (loadBudget - clock.Elapsed).TotalMilliseconds);
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = (float)left })
                .WaitAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            watch.Note($"The page did not finish loading within {loadBudget.TotalSeconds:0.#} s; it was measured as it stood.");
        }

        if (response is null)
        {
            return "";
        }

        try
        {
            return await response.TextAsync().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
        {
            return "";
        }
    }

    private async Task<RenderResult> ScreenshotAsync(
        IPage page, RenderResult result, TimeSpan left, CancellationToken cancellationToken)
    {
        if (_settings.ScreenshotDirectory is not { } root)
        {
            return result;
        }

        var folder = Path.Combine(root, ScreenshotFolder.For(result.Url));
        Directory.CreateDirectory(folder);
        var viewport = Path.Combine(folder, "viewport.png");
        var fullPage = Path.Combine(folder, "full-page.png");
        var width = page.ViewportSize?.Width ?? 360;
        var height = await page.EvaluateAsync<int>("() => Math.ceil(document.documentElement.scrollHeight)")
            .WaitAsync(left, cancellationToken);
        var timeout = (float)left.TotalMilliseconds;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = viewport, Scale = ScreenshotScale.Css, Timeout = timeout })
            .WaitAsync(cancellationToken);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = fullPage,
            Scale = ScreenshotScale.Css,
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Clamp(height, 1, _settings.FullPageMaxHeight) },
            Timeout = timeout,
        }).WaitAsync(cancellationToken);
        return result with { ScreenshotPath = viewport, FullPageScreenshotPath = fullPage };
    }

    private async Task RestartIfGoneAsync(IBrowser failed)
    {
        await _restart.WaitAsync();
        try
        {
            if (_browser != failed || failed.IsConnected)
            {
                return;
            }

            await CloseAsync(failed);
            _browser = await LaunchBrowserAsync(_playwright, _executablePath, _settings.SiteHosts);
        }
        finally
        {
            _restart.Release();
        }
    }

    // The request filter (RouteAsync) sees only the first request of a redirect chain, so a page could lead the
    // browser through a redirect on its own site to another address (a cloud metadata service, say). With the site's
    // hosts known, every request for another host goes to a proxy that does not exist and fails at once. Chromium
    // still sends loopback names direct, which is where the patched copy of the site is served for verification.
    private static Task<IBrowser> LaunchBrowserAsync(
        IPlaywright playwright, string executablePath, IReadOnlyList<string> siteHosts) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = ChromiumArgs,
            Proxy = siteHosts.Count == 0 ? null : new Proxy { Server = NowhereProxy, Bypass = string.Join(",", siteHosts) },
        });

    // Closing never throws and never waits long: a page stuck in a script is abandoned to the browser.
    private static async Task CloseAsync(IAsyncDisposable target)
    {
        try
        {
            await target.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            // Already closed, or the browser is gone.
        }
    }

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Wait for renders in flight to end, then close the browser and the driver.
        for (var i = 0; i < _settings.Concurrency; i++)
        {
            await _slots.WaitAsync(_settings.PageBudget * 2);
        }

        await CloseAsync(_browser);
        _playwright.Dispose();
        _slots.Dispose();
        _restart.Dispose();
    }
}
