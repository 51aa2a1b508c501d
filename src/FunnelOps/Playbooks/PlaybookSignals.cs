using FunnelOps.Signals;

namespace FunnelOps.Playbooks;

/// <summary>
/// The signal names playbooks may check, read from a page's <see cref="PageSignals"/>. Rates are
/// fractions from 0 to 1; counts and money are per week.
/// </summary>
public static class PlaybookSignals
{
    private static readonly Dictionary<string, Func<PageSignals, double?>> Readers = new(StringComparer.Ordinal)
    {
        ["weekly-visits"] = s => s.WeeklyVisits,
        ["mobile-weekly-visits"] = s => s.MobileWeeklyVisits,
        ["mobile-bounce-rate"] = s => s.MobileBounceRate,
        ["desktop-bounce-rate"] = s => s.DesktopBounceRate,
        // How much more often phone visitors leave at once than desktop visitors.
        ["mobile-bounce-gap"] = s => s.MobileBounceRate - s.DesktopBounceRate,
        ["search-impressions"] = s => s.SearchImpressions,
        ["search-clicks"] = s => s.SearchClicks,
        ["search-ctr"] = s => s.SearchImpressions > 0 ? s.SearchClicks / s.SearchImpressions : null,
        ["search-position"] = s => s.SearchPosition,
        ["ad-clicks"] = s => s.AdClicks,
        ["ad-cost"] = s => s.AdCost,
        ["ad-conversions"] = s => s.AdConversions,
        ["ad-conversion-rate"] = s => s.AdClicks > 0 ? s.AdConversions / s.AdClicks : null,
    };

    /// <summary>Every signal name.</summary>
    public static IReadOnlyCollection<string> Names => Readers.Keys;

    /// <summary>True when <paramref name="name"/> is a signal.</summary>
    public static bool IsKnown(string name) => Readers.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/> for a page, or null when its exports do not give it.</summary>
    public static double? Read(string name, PageSignals? signals) =>
        signals is not null && Readers.TryGetValue(name, out var read) ? read(signals) : null;
}
