using Microsoft.Extensions.Logging;

namespace FunnelOps.Crawling;

/// <summary>Log events of the crawl stage (ids 1000-1099).</summary>
internal static partial class CrawlLog
{
    [LoggerMessage(1000, LogLevel.Information, "Crawling {StartUrl}, at most {MaxPages} URLs")]
    public static partial void Started(ILogger logger, Uri startUrl, int maxPages);

    [LoggerMessage(1001, LogLevel.Information, "Crawl finished: {Urls} URLs read, {Errors} with errors")]
    public static partial void Finished(ILogger logger, int urls, int errors);

    [LoggerMessage(1002, LogLevel.Warning, "{Url} did not answer within the time budget")]
    public static partial void TimedOut(ILogger logger, Uri url);
}
