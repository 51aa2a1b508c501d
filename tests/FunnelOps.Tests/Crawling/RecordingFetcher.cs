using System.Collections.Concurrent;
using FunnelOps.Crawling;

namespace FunnelOps.Tests.Crawling;

/// <summary>The real HTTP fetcher, remembering every URL it was asked for.</summary>
public sealed class RecordingFetcher(IPageFetcher inner) : IPageFetcher
{
    private readonly ConcurrentQueue<Uri> _fetched = new();

    /// <summary>Every URL requested, robots.txt included, in order.</summary>
    public IReadOnlyCollection<Uri> Fetched => [.. _fetched];

    public Task<FetchResponse> FetchAsync(Uri url, long maxBodyBytes, CancellationToken cancellationToken)
    {
        _fetched.Enqueue(url);
        return inner.FetchAsync(url, maxBodyBytes, cancellationToken);
    }
}
