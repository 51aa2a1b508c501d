using Microsoft.Extensions.Time.Testing;

namespace FunnelOps.Tests.Scenarios;

/// <summary>
/// A fake clock for whole runs: the date moves only when the test says so, but every wait the code under test
/// starts on this clock (a rate-limit pause, a retry back-off) is served at once by moving the clock forward, so
/// the waits are real waits on the clock without taking real time. <see cref="Waited"/> adds them up.
/// </summary>
internal sealed class AdvancingClock : TimeProvider
{
    private readonly object _gate = new();
    private TimeSpan _waited;

    public AdvancingClock(DateTimeOffset start)
    {
        Fake = new FakeTimeProvider(start);
    }

    public FakeTimeProvider Fake { get; }

    public TimeSpan Waited
    {
        get
        {
            lock (_gate)
            {
                return _waited;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => Fake.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _waited += dueTime;
            }

            // Move the clock on another thread, after the caller holds its timer.
            ThreadPool.QueueUserWorkItem(_ => Fake.Advance(dueTime));
        }

        return timer;
    }
}
