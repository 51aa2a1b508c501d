namespace FunnelOps.Crawling;

/// <summary>How far a crawl has come.</summary>
/// <param name="Done">URLs fetched.</param>
/// <param name="Queued">URLs waiting or in flight.</param>
/// <param name="Errors">URLs that failed or answered with an error status.</param>
public sealed record CrawlProgress(int Done, int Queued, int Errors);
