using System.Globalization;
using FunnelOps.Signals;

namespace FunnelOps.Prioritization;

/// <summary>
/// How a page's measured signals sharpen the findings on it. Each rule raises a finding's weight
/// only where the signal shows the finding's channel is losing buyers on that page; none lowers
/// it. Every factor is a simple formula with a cap, so it can be redone by hand:
/// <list type="bullet">
/// <item><c>mobile-bounce-gap</c> (mobile-channel findings): when phone visitors bounce at least
/// 10 points more often than desktop visitors, 1 + 2 x (mobile bounce - desktop bounce), at most 2.
/// A 70% mobile bounce against 45% on desktop gives 1 + 2 x 0.25 = 1.5.</item>
/// <item><c>striking-distance</c> (SEO-channel findings): when the page's average search position
/// is 8 to 30 with at least 50 impressions a week, 1 + 0.5 x min(1, weekly impressions / 1,000).
/// 400 impressions at position 12 give 1 + 0.5 x 0.4 = 1.2.</item>
/// <item><c>ad-spend</c> (findings of any channel on a paid landing page): 1 + 0.5 x min(1, weekly
/// ad cost / 1,000), for pages with ad cost. $300 a week gives 1 + 0.5 x 0.3 = 1.15.</item>
/// </list>
/// The factors of one page multiply.
/// </summary>
public static class SignalMultipliers
{
    /// <summary>The smallest mobile-over-desktop bounce gap that counts, as a fraction (10 points).</summary>
    public const double MinimumBounceGap = 0.10;

    /// <summary>How strongly the bounce gap weighs: the factor is 1 + this x the gap.</summary>
    public const double BounceGapWeight = 2;

    /// <summary>The largest factor the bounce gap gives.</summary>
    public const double MaximumBounceFactor = 2;

    /// <summary>The fewest weekly impressions that make a page's position count.</summary>
    public const double MinimumImpressions = 50;

    /// <summary>Weekly impressions at which the striking-distance factor reaches its maximum.</summary>
    public const double FullImpressions = 1_000;

    /// <summary>Weekly ad cost at which the ad-spend factor reaches its maximum.</summary>
    public const double FullAdCost = 1_000;

    /// <summary>The most the striking-distance and ad-spend factors add (1 + this at most).</summary>
    public const double MaximumBoost = 0.5;

    /// <summary>The factors <paramref name="signals"/> put on a finding of <paramref name="channel"/>; empty without signals.</summary>
    public static IReadOnlyList<ImpactMultiplier> For(PageSignals? signals, string channel, string currency)
    {
        if (signals is null)
        {
            return [];
        }

        var factors = new List<ImpactMultiplier>();
        if (channel == "mobile" && signals.MobileBounceRate is { } mobile && signals.DesktopBounceRate is { } desktop &&
            mobile - desktop >= MinimumBounceGap)
        {
            var factor = Math.Min(MaximumBounceFactor, 1 + BounceGapWeight * (mobile - desktop));
            factors.Add(new ImpactMultiplier("mobile-bounce-gap", factor,
                $"phone visitors bounce {Percent(mobile)} against {Percent(desktop)} on desktop: " +
                $"1 + 2 × {Percent(mobile - desktop)} = {factor:0.###}" +
                (factor == MaximumBounceFactor ? " (capped at 2)" : "")));
        }

        if (channel == "seo" && signals.SearchPosition is { } position && signals.SearchImpressions is { } impressions &&
            position is >= SearchQuery.StrikingDistanceFrom and <= SearchQuery.StrikingDistanceTo &&
            impressions >= MinimumImpressions)
        {
            var factor = 1 + MaximumBoost * Math.Min(1, impressions / FullImpressions);
            factors.Add(new ImpactMultiplier("striking-distance", factor,
                $"average search position {position.ToString("0.#", CultureInfo.InvariantCulture)} with " +
                $"{impressions.ToString("#,0", CultureInfo.InvariantCulture)} impressions a week: " +
                $"1 + 0.5 × min(1, {impressions.ToString("#,0", CultureInfo.InvariantCulture)} ÷ 1,000) = {factor:0.###}"));
        }

        if (signals.AdCost is { } spend && spend > 0)
        {
            var factor = 1 + MaximumBoost * Math.Min(1, spend / FullAdCost);
            var money = spend.ToString("#,0", CultureInfo.InvariantCulture);
            factors.Add(new ImpactMultiplier("ad-spend", factor,
                $"{money} {currency} of ad spend a week lands on this page: 1 + 0.5 × min(1, {money} ÷ 1,000) = {factor:0.###}"));
        }

        return factors;
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
