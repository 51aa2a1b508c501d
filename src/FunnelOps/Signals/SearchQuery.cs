namespace FunnelOps.Signals;

/// <summary>One search query from a Search Console queries export, scaled to a week.</summary>
/// <param name="Query">The query as searchers typed it (untrusted text).</param>
/// <param name="WeeklyClicks">Clicks per week.</param>
/// <param name="WeeklyImpressions">Impressions per week.</param>
/// <param name="Position">Average position, 1 being the top.</param>
public sealed record SearchQuery(string Query, double WeeklyClicks, double WeeklyImpressions, double Position)
{
    /// <summary>The lowest average position counted as striking distance: the foot of page one.</summary>
    public const double StrikingDistanceFrom = 8;

    /// <summary>The highest average position counted as striking distance: page three.</summary>
    public const double StrikingDistanceTo = 30;

    /// <summary>Clicks per impression.</summary>
    public double ClickThroughRate => WeeklyImpressions > 0 ? WeeklyClicks / WeeklyImpressions : 0;

    /// <summary>True when the site ranks just off the top results: a small gain moves it onto page one.</summary>
    public bool IsStrikingDistance => Position is >= StrikingDistanceFrom and <= StrikingDistanceTo;
}
