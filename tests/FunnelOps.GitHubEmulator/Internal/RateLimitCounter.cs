namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>Counts requests against GitHub's hourly primary limit, on the emulator's clock.</summary>
internal sealed class RateLimitCounter(TimeProvider time, int limit = 5000)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = time.GetUtcNow();
    private int _used;

    /// <summary>Counts one request and returns the state after it.</summary>
    public (int Limit, int Used, long Reset) Count()
    {
        lock (_gate)
        {
            Roll();
            _used++;
            return (limit, _used, Reset());
        }
    }

    /// <summary>The state without counting a request.</summary>
    public (int Limit, int Used, long Reset) Snapshot()
    {
        lock (_gate)
        {
            Roll();
            return (limit, _used, Reset());
        }
    }

    private void Roll()
    {
        if (time.GetUtcNow() >= _windowStart.AddHours(1))
        {
            _windowStart = time.GetUtcNow();
            _used = 0;
        }
    }

    private long Reset() => _windowStart.AddHours(1).ToUnixTimeSeconds();
}
