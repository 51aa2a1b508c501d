namespace FunnelOps.Signals;

/// <summary>
/// What the team's own exports say about one page over a week: analytics, search and ads.
/// Every figure is optional, because each export covers only some of them.
/// </summary>
public sealed record PageSignals
{
    /// <summary>The page, normalised the way the crawl normalises URLs.</summary>
    public required Uri Url { get; init; }

    /// <summary>Visits (sessions) per week, all devices.</summary>
    public double? WeeklyVisits { get; init; }

    /// <summary>Visits per week on phones.</summary>
    public double? MobileWeeklyVisits { get; init; }

    /// <summary>Bounce rate of phone visits, 0 to 1.</summary>
    public double? MobileBounceRate { get; init; }

    /// <summary>Bounce rate of desktop visits, 0 to 1.</summary>
    public double? DesktopBounceRate { get; init; }

    /// <summary>Search impressions per week.</summary>
    public double? SearchImpressions { get; init; }

    /// <summary>Search clicks per week.</summary>
    public double? SearchClicks { get; init; }

    /// <summary>Average search position (1 is the top).</summary>
    public double? SearchPosition { get; init; }

    /// <summary>Paid clicks per week landing on the page.</summary>
    public double? AdClicks { get; init; }

    /// <summary>Ad spend per week on clicks landing on the page, in the configured currency.</summary>
    public double? AdCost { get; init; }

    /// <summary>Ad conversions per week from clicks landing on the page.</summary>
    public double? AdConversions { get; init; }
}
