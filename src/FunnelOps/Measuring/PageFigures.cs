using FunnelOps.Rendering;
using FunnelOps.Signals;

namespace FunnelOps.Measuring;

/// <summary>
/// The figures FunnelOps compares before and after a change: each page's rendered metrics (as the render names
/// them) and its signals (named <c>signal.*</c>), by page address then figure name.
/// </summary>
public static class PageFigures
{
    private static readonly HashSet<string> HigherIsBetter = new(StringComparer.Ordinal)
    {
        "signal.weekly_visits", "signal.mobile_weekly_visits", "signal.search_impressions", "signal.search_clicks",
        "signal.ad_conversions",
    };

    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal)
    {
        "signal.mobile_bounce_rate", "signal.desktop_bounce_rate", "signal.search_position",
    };

    /// <summary>The figures of <paramref name="pages"/> from this run's renders and signals.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, double>> Collect(
        IEnumerable<Uri> pages, IReadOnlyDictionary<Uri, RenderResult> renders, SiteSignals signals)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(renders);
        ArgumentNullException.ThrowIfNull(signals);
        var figures = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
            if (renders.TryGetValue(page, out var render) && render.Error is null)
            {
                foreach (var (name, value) in render.Metrics)
                {
                    values[name] = value;
                }
            }

            if (signals.For(page) is { } signal)
            {
                Add(values, "signal.weekly_visits", signal.WeeklyVisits);
                Add(values, "signal.mobile_weekly_visits", signal.MobileWeeklyVisits);
                Add(values, "signal.mobile_bounce_rate", signal.MobileBounceRate);
                Add(values, "signal.desktop_bounce_rate", signal.DesktopBounceRate);
                Add(values, "signal.search_impressions", signal.SearchImpressions);
                Add(values, "signal.search_clicks", signal.SearchClicks);
                Add(values, "signal.search_position", signal.SearchPosition);
                Add(values, "signal.ad_conversions", signal.AdConversions);
            }

            if (values.Count > 0)
            {
                figures[page.AbsoluteUri] = values;
            }
        }

        return figures;
    }

    /// <summary>+1 when a rise of <paramref name="figure"/> is good, -1 when a fall is, 0 when it depends.</summary>
    public static int Direction(string figure) =>
        HigherIsBetter.Contains(figure) ? 1 : LowerIsBetter.Contains(figure) ? -1 : 0;

    private static void Add(SortedDictionary<string, double> values, string name, double? value)
    {
        if (value is { } number)
        {
            values[name] = number;
        }
    }
}
