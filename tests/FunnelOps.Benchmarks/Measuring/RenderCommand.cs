using System.Diagnostics;
using System.Globalization;
using FunnelOps.Rendering;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>
/// The <c>render</c> command: every page of a list rendered in one warm browser, one page at a
/// time, with every metric; prints each render's time and the median and 90th percentile.
/// </summary>
internal static class RenderCommand
{
    public static async Task<int> RunAsync(Uri site, Arguments options)
    {
        var paths = File.ReadAllLines(options.Text("pages") ?? throw new ArgumentException("--pages <file> is required."))
            .Where(line => line.Trim().Length > 0).ToList();
        var runs = options.Int("runs", 3);
        var executable = ChromiumLocator.Find() ?? throw new ArgumentException(ChromiumLocator.Explain());
        // As in a weekly run: the browser confined to the site's host.
        var settings = RenderSettings.Default with
        {
            ScreenshotDirectory = options.Text("screenshots"),
            SiteHosts = [site.Host],
        };
        await using var renderer = await PlaywrightMobileRenderer.LaunchAsync(executable, settings);

        // Warm the browser: the first context and page of a fresh browser cost more than the rest.
        await renderer.RenderAsync(new Uri(site, paths[0]), CancellationToken.None);

        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var path in paths)
            {
                var clock = Stopwatch.StartNew();
                var render = await renderer.RenderAsync(new Uri(site, path), CancellationToken.None);
                var ms = clock.Elapsed.TotalMilliseconds;
                times.Add(ms);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"page path={path} run={run + 1} ms={ms:0} metrics={render.Metrics.Count} error={render.Error is not null}"));
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"funnelops_render renders={times.Count} median_ms={Percentile(times, 0.5):0} p90_ms={Percentile(times, 0.9):0} " +
            $"screenshots={settings.ScreenshotDirectory is not null}"));
        return 0;
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
