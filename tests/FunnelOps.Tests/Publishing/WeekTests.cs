using FunnelOps.Publishing;

namespace FunnelOps.Tests.Publishing;

public sealed class WeekTests
{
    [Theory]
    [InlineData("2026-12-03T12:00:00Z", "UTC", "2026-W49")]
    [InlineData("2026-12-06T23:30:00Z", "UTC", "2026-W49")] // Sunday evening, still week 49
    [InlineData("2026-12-06T23:30:00Z", "Europe/Berlin", "2026-W50")] // already Monday in Berlin
    [InlineData("2027-01-01T10:00:00Z", "UTC", "2026-W53")] // ISO years do not follow calendar years
    [InlineData("2024-12-30T10:00:00Z", "UTC", "2025-W01")]
    public void The_week_is_the_ISO_week_in_the_configured_time_zone(string instant, string zone, string expected)
    {
        var week = Week.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(expected, week.ToString());
    }

    [Theory]
    [InlineData("/pricing/", "pricing")]
    [InlineData("/", "")]
    [InlineData("/Blog/Über uns/2026_plan!", "blog-ber-uns-2026-plan")]
    [InlineData("/../../etc/passwd", "etc-passwd")]
    public void Slugs_keep_only_lower_case_letters_digits_and_single_dashes(string text, string expected) =>
        Assert.Equal(expected, ChangeNaming.Slug(text));

    [Theory]
    [InlineData("2026-W49", true, 2026, 49)]
    [InlineData("2027-W01", true, 2027, 1)]
    [InlineData("2026-W54", false, 0, 0)]
    [InlineData("W49", false, 0, 0)]
    [InlineData("2026-W-1", false, 0, 0)]
    public void A_week_is_read_back_from_its_written_form(string text, bool valid, int year, int number)
    {
        Assert.Equal(valid, Week.TryParse(text, out var week));
        Assert.Equal(new Week(year, number), week);
    }
}
