using FunnelOps.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace FunnelOps.Tests.Crawling;

public sealed class HostThrottleTests
{
    private static readonly Uri Pricing = new("https://www.example.com/pricing/");
    private static readonly Uri Blog = new("https://www.example.com/blog/");
    private static readonly Uri Partner = new("https://partner.example.com/");

    // Not a time limit on the behaviour: only a guard so that a slot that never frees fails the
    // test instead of hanging the whole test run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Without_a_crawl_delay_requests_to_one_host_wait_only_for_a_free_slot()
    {
        using var throttle = new HostThrottle(2, TimeSpan.Zero, _time);

        var first = await throttle.EnterAsync(Pricing, CancellationToken.None);
        using var second = await throttle.EnterAsync(Blog, CancellationToken.None);
        var third = throttle.EnterAsync(Pricing, CancellationToken.None);

        Assert.False(third.IsCompleted);
        first.Dispose();
        using var entered = await third.WaitAsync(Guard);
    }

    [Fact]
    public async Task Slots_are_counted_per_host()
    {
        using var throttle = new HostThrottle(1, TimeSpan.Zero, _time);

        using var site = await throttle.EnterAsync(Pricing, CancellationToken.None);
        var other = throttle.EnterAsync(Partner, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task A_crawl_delay_spaces_the_starts_of_requests_by_the_delay()
    {
        using var throttle = new HostThrottle(8, TimeSpan.FromSeconds(2), _time);

        (await throttle.EnterAsync(Pricing, CancellationToken.None)).Dispose();
        var second = throttle.EnterAsync(Blog, CancellationToken.None);

        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        using var entered = await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_crawl_delay_allows_one_request_at_a_time_whatever_the_per_host_limit()
    {
        using var throttle = new HostThrottle(8, TimeSpan.FromSeconds(1), _time);

        var first = await throttle.EnterAsync(Pricing, CancellationToken.None);
        var second = throttle.EnterAsync(Blog, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(second.IsCompleted);
        first.Dispose();
        using var entered = await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_request_given_up_while_it_waits_for_the_crawl_delay_frees_its_slot()
    {
        using var throttle = new HostThrottle(8, TimeSpan.FromSeconds(2), _time);
        (await throttle.EnterAsync(Pricing, CancellationToken.None)).Dispose();

        // The second request takes the host's one slot, then waits out the delay; its time
        // budget runs out first.
        using var budget = new CancellationTokenSource();
        var givenUp = throttle.EnterAsync(Blog, budget.Token);
        await budget.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp);

        var next = throttle.EnterAsync(Pricing, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4));
        using var entered = await next.WaitAsync(Guard);
    }
}
