using FunnelOps.Publishing;

namespace FunnelOps.Tests.Publishing;

public sealed class ChangeCadenceTests
{
    [Fact]
    public void A_rejection_without_an_expiry_holds_for_ever_and_with_one_until_it_passes()
    {
        var closed = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        var twoWeeks = new ChangeCadence(RejectionExpiry: TimeSpan.FromDays(14));

        Assert.True(ChangeCadence.Default.RejectionHolds(closed, closed.AddYears(5)));
        Assert.True(twoWeeks.RejectionHolds(closed, closed.AddDays(13)));
        Assert.False(twoWeeks.RejectionHolds(closed, closed.AddDays(14)));
        Assert.True(twoWeeks.RejectionHolds(closedAt: null, closed.AddYears(5)));
        Assert.Equal(closed.AddDays(14), twoWeeks.ProposableAgainAfter(closed));
        Assert.Null(ChangeCadence.Default.ProposableAgainAfter(closed));
    }

    [Fact]
    public void The_week_is_full_at_the_maximum_and_waiting_needs_an_open_earlier_change()
    {
        var two = new ChangeCadence(MaxPerWeek: 2, WaitWhileOpen: false);

        Assert.True(ChangeCadence.Default.IsWeekFull(1));
        Assert.False(two.IsWeekFull(1));
        Assert.True(ChangeCadence.Default.MustWait(earlierChangeOpen: true));
        Assert.False(ChangeCadence.Default.MustWait(earlierChangeOpen: false));
        Assert.False(two.MustWait(earlierChangeOpen: true));
    }
}
