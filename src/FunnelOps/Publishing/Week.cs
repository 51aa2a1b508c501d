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

    /// <summary>Reads a week written as <c>2026-W49</c>; false when the text is not one.</summary>
    public static bool TryParse(string? text, out Week week)
    {
        week = default;
        var parts = text?.Split("-W");
        if (parts is not [var year, var number] ||
            !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 53)
        {
            return false;
        }

        week = new Week(y, n);
        return true;
    }

    /// <summary>The Monday that starts this week.</summary>
    public DateTime Monday => ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday);

    /// <inheritdoc />
    public override string ToString() => $"{Year}-W{Number:00}";
}
