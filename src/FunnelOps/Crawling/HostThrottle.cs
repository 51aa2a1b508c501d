namespace FunnelOps.Crawling;

/// <summary>
/// Limits requests per host: at most a number in flight at once and, when robots.txt asks for a
/// crawl-delay, one request at a time with that pause between their starts.
/// </summary>
internal sealed class HostThrottle : IDisposable
{
    private readonly Dictionary<string, SemaphoreSlim> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _perHost;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _nextStart;

    public HostThrottle(int perHost, TimeSpan delay, TimeProvider time)
    {
        _perHost = delay > TimeSpan.Zero ? 1 : Math.Max(1, perHost);
        _delay = delay;
        _time = time;
    }

    /// <summary>Waits for a slot on the host of <paramref name="url"/>; dispose the result to free it.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        SemaphoreSlim slot;
        lock (_lock)
        {
            if (!_slots.TryGetValue(url.Host, out slot!))
            {
                _slots[url.Host] = slot = new SemaphoreSlim(_perHost, _perHost);
            }
        }

        await slot.WaitAsync(cancellationToken);
        try
        {
            if (_delay > TimeSpan.Zero && ReserveStart() is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        catch
        {
            // Given up while waiting for its turn: the slot must not be lost with it.
            slot.Release();
            throw;
        }

        return new Release(slot);
    }

    private TimeSpan ReserveStart()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var start = Math.Max(now, _nextStart);
            _nextStart = start + (long)(_delay.TotalSeconds * _time.TimestampFrequency);
            return _time.GetElapsedTime(now, start);
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        public void Dispose() => slot.Release();
    }
}
