using System.Globalization;

namespace FunnelOps.Publishing;

/// <summary>An ISO week, the unit of FunnelOps' cadence, such as <c>2026-W49</c>.</summary>
/// <param name="Year">The ISO week-numbering year.</param>
/// <param name="Number">The week number, 1 to 53.</param>
public readonly record struct Week(int Year, int Number)
{
    /// <summary>The week that contains <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static Week Of(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        return new Week(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Year}-W{Number:00}";
}
