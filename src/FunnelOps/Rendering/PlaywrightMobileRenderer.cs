using System.Text.Json;
using Microsoft.Playwright;

namespace FunnelOps.Rendering;

/// <summary>Renders pages in headless Chromium through Playwright with a phone's screen and user agent.</summary>
public sealed class PlaywrightMobileRenderer : IMobileRenderer
{
    /// <summary>The phone whose profile is used by default.</summary>
    public const string DefaultDevice = "Pixel 7";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly BrowserNewContextOptions _device;
    private readonly TimeSpan _pageBudget;

    private PlaywrightMobileRenderer(IPlaywright playwright, IBrowser browser, BrowserNewContextOptions device,
        TimeSpan pageBudget)
    {
        _playwright = playwright;
        _browser = browser;
        _device = device;
        _pageBudget = pageBudget;
    }

    /// <summary>Launches the browser at <paramref name="executablePath"/>.</summary>
    public static async Task<PlaywrightMobileRenderer> LaunchAsync(string executablePath, TimeSpan pageBudget)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = ChromiumArgs,
            });
            var device = playwright.Devices[DefaultDevice];
            return new PlaywrightMobileRenderer(playwright, browser, device, pageBudget);
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
        await using var context = await _browser.NewContextAsync(_device);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)_pageBudget.TotalMilliseconds);

        // Only the site itself is loaded: requests to other hosts are refused at once, so that
        // an unreachable third-party script cannot hold a render until its time budget ends.
        await page.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Authority == url.Authority ? route.ContinueAsync() : route.AbortAsync());

        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            cancellationToken.ThrowIfCancellationRequested();
            // The script returns JSON text, so numbers arrive as numbers whatever Playwright's own encoding does.
            var json = await page.EvaluateAsync<string>(MeasureScript);
            using var document = JsonDocument.Parse(json);
            return Read(url, document.RootElement);
        }
        catch (PlaywrightException exception)
        {
            return new RenderResult
            {
                Url = url,
                Metrics = new Dictionary<string, double>(),
                Error = $"The page could not be rendered: {exception.Message.Split('\n')[0]}",
            };
        }
    }

    private static RenderResult Read(Uri url, JsonElement json)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in json.GetProperty("metrics").EnumerateObject())
        {
            metrics[property.Name] = property.Value.GetDouble();
        }

        foreach (var property in json.GetProperty("evidence").EnumerateObject())
        {
            evidence[property.Name] = [.. property.Value.EnumerateArray().Select(e => e.GetString() ?? "").Take(10)];
        }

        return new RenderResult { Url = url, Metrics = metrics, Evidence = evidence };
    }

    // Runs in the page. Everything it returns is bounded: descriptions are cut to 120 characters.
    private const string MeasureScript = """
        async () => {
          const describe = el => {
            let text = el.tagName.toLowerCase();
            if (el.id) text += '#' + el.id;
            if (el.classList.length) text += '.' + [...el.classList].slice(0, 3).join('.');
            const label = (el.getAttribute('href') || el.getAttribute('src') || el.textContent || '').trim();
            if (label) text += ' "' + label.slice(0, 60) + '"';
            return text.slice(0, 120);
          };
          const doc = document.documentElement;
          const width = doc.clientWidth;
          const overflowing = [...document.body.querySelectorAll('*')]
            .map(el => ({ el, right: el.getBoundingClientRect().right }))
            .filter(x => x.right > width + 1)
            .sort((a, b) => b.right - a.right)
            .filter((x, i, all) => !all.slice(0, i).some(y => y.el.contains(x.el)))
            .slice(0, 5)
            .map(x => describe(x.el) + ' (' + Math.round(x.right) + 'px wide)');
          // A target is small when it is under 24x24 CSS pixels (WCAG 2.2 target size minimum)
          // and not a link inside a sentence, or when it overlaps another target.
          const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=button]')]
            .map(el => ({ el, r: el.getBoundingClientRect() }))
            .filter(t => t.r.width > 0 && t.r.height > 0 && getComputedStyle(t.el).visibility !== 'hidden');
          const inSentence = el => {
            if (getComputedStyle(el).display !== 'inline' || !el.parentElement) return false;
            const copy = el.parentElement.cloneNode(true);
            copy.querySelectorAll('a, button').forEach(a => a.remove());
            return copy.textContent.replace(/\s+/g, ' ').trim().length > 10;
          };
          const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const small = targets
            .filter(t => ((t.r.width < 24 || t.r.height < 24) && !inSentence(t.el)) ||
              targets.some(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && overlaps(t.r, o.r)))
            .map(t => describe(t.el) + ' (' + Math.round(t.r.width) + 'x' + Math.round(t.r.height) + ')');
          // "load" does not wait for lazy images, even those on the first screen: wait for them
          // (at most 3 s), then for the paint after them, which is when LCP entries arrive.
          const onScreen = [...document.images].filter(img => {
            const r = img.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
          });
          await Promise.race([
            Promise.all(onScreen.map(img => img.complete ? null : new Promise(done => {
              img.addEventListener('load', done, { once: true });
              img.addEventListener('error', done, { once: true });
            }))),
            new Promise(done => setTimeout(done, 3000)),
          ]);
          const lcp = await new Promise(resolve => {
            let last = null;
            const observer = new PerformanceObserver(list => { const e = list.getEntries(); last = e[e.length - 1]; });
            observer.observe({ type: 'largest-contentful-paint', buffered: true });
            const finish = () => {
              const pending = observer.takeRecords();
              if (pending.length) last = pending[pending.length - 1];
              observer.disconnect();
              resolve(last);
            };
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(finish, 50)));
          });
          const lcpElement = lcp && lcp.element;
          const lcpLazy = !!(lcpElement && lcpElement.tagName === 'IMG' && lcpElement.getAttribute('loading') === 'lazy');
          return JSON.stringify({
            metrics: {
              // One pixel of difference comes from sub-pixel rounding and cannot be seen.
              'horizontal-overflow-px': doc.scrollWidth - width > 1 ? doc.scrollWidth - width : 0,
              'small-tap-targets': small.length,
              'layout-width-px': width,
              'lcp-ms': lcp ? Math.round(lcp.renderTime || lcp.loadTime || lcp.startTime) : 0,
              'lcp-image-lazy': lcpLazy ? 1 : 0,
            },
            evidence: {
              'horizontal-overflow-px': overflowing,
              'small-tap-targets': small.slice(0, 10),
              'lcp-ms': lcpElement ? [describe(lcpElement)] : [],
              'lcp-image-lazy': lcpLazy ? ['img[src=' + JSON.stringify(lcpElement.getAttribute('src')) + ']'] : [],
            },
          });
        }
        """;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
