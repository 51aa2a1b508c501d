namespace FunnelOps.Rendering;

/// <summary>How pages are rendered: which phone, how many at once, how long each may take, throttling and screenshots.</summary>
public sealed record RenderSettings
{
    /// <summary>
    /// The phone whose profile is used by default: a current Android phone from Playwright's device
    /// list, whose 427-pixel layout width is close to the 412 pixels Lighthouse's mobile emulation
    /// uses, so that verdicts on layout compare with Lighthouse's.
    /// </summary>
    public const string DefaultDevice = "Pixel 10 Pro";

    /// <summary>The defaults: the default phone, two pages at once, 20 seconds a page, no throttling, no screenshots.</summary>
    public static RenderSettings Default { get; } = new();

    /// <summary>A browser executable to use instead of looking for one.</summary>
    public string? BrowserPath { get; init; }

    /// <summary>The name of a Playwright device descriptor, such as "Pixel 10 Pro" or "Galaxy S24".</summary>
    public string Device { get; init; } = DefaultDevice;

    /// <summary>How many pages are loaded at the same time, each in its own browser context.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>The most time one page may take, loading and measuring together.</summary>
    public TimeSpan PageBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many times slower than this machine the phone's processor is simulated (1: no slowdown).</summary>
    public double CpuSlowdown { get; init; } = 1;

    /// <summary>A network profile (see <see cref="NetworkProfile.Names"/>), or null for the full speed of the connection.</summary>
    public string? Network { get; init; }

    /// <summary>The folder screenshots are written to, one sub-folder per page; null for no screenshots.</summary>
    public string? ScreenshotDirectory { get; init; }

    /// <summary>
    /// The site's host names. When given, the browser reaches no other host but loopback: a request for any other
    /// name or address, even one a redirect on the site leads to, fails at once. Empty for no such limit.
    /// </summary>
    public IReadOnlyList<string> SiteHosts { get; init; } = [];

    /// <summary>Full-page screenshots are cut at this height in CSS pixels, so an endless page gives a bounded file.</summary>
    public int FullPageMaxHeight { get; init; } = 8_000;

    /// <summary>How many pages of each template are rendered when sampling.</summary>
    public int PagesPerTemplate { get; init; } = 2;

    /// <summary>
    /// The most pages the sample holds, decision-stage and high-traffic pages included; every
    /// template keeps at least one page even beyond it.
    /// </summary>
    public int MaxSampledPages { get; init; } = 40;

    /// <summary>Pages with at least this many weekly visits (from the team's analytics) are always rendered.</summary>
    public double HighTrafficWeeklyVisits { get; init; } = 500;
}
