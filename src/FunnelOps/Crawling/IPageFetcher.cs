namespace FunnelOps.Crawling;

/// <summary>Fetches one URL without following redirects. The one real implementation uses HttpClient.</summary>
public interface IPageFetcher
{
    /// <summary>
    /// Requests <paramref name="url"/> and reads at most <paramref name="maxBodyBytes"/> of its body.
    /// Network failures are returned as a response with status 0 and an error, not thrown.
    /// </summary>
    Task<FetchResponse> FetchAsync(Uri url, long maxBodyBytes, CancellationToken cancellationToken);
}
