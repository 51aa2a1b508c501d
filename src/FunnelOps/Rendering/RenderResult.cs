namespace FunnelOps.Rendering;

/// <summary>One page loaded in Chromium with a mobile profile, and what was measured.</summary>
public sealed record RenderResult
{
    /// <summary>The rendered URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>Metric values by name (see <see cref="RenderMetrics"/>).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>For each metric, the elements behind it, described briefly (bounded).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Evidence { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Why the render failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>A PNG of the phone screen as the visitor first sees it, when one was taken.</summary>
    public string? ScreenshotPath { get; init; }

    /// <summary>A PNG of the whole page at phone width, when one was taken.</summary>
    public string? FullPageScreenshotPath { get; init; }

    /// <summary>
    /// What happened on the way that a reader should know (the page did not finish loading, opened a
    /// dialog or a window, tried to navigate away, was rendered on a second attempt); bounded.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How long the render took, loading, measuring and screenshots together.</summary>
    public TimeSpan Duration { get; init; }
}
