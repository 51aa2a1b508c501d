namespace FunnelOps.Crawling;

/// <summary>How fetching one URL ended.</summary>
public enum FetchOutcome
{
    /// <summary>A response arrived, whatever its status.</summary>
    Fetched,

    /// <summary>robots.txt asks crawlers not to read it; never requested.</summary>
    BlockedByRobots,

    /// <summary>It redirects off the crawled site; the target was recorded, not requested.</summary>
    RedirectsOffSite,

    /// <summary>Its redirects come back to a URL already in the chain.</summary>
    RedirectLoop,

    /// <summary>Its redirect chain is longer than the limit.</summary>
    TooManyRedirects,

    /// <summary>No complete answer within the time budget.</summary>
    TimedOut,

    /// <summary>The server could not be reached.</summary>
    Unreachable,
}
