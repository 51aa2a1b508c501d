using FunnelOps.Crawling;

namespace FunnelOps;

/// <summary>Hears about a run's progress, so a host can show it; the engine itself writes nothing to a console.</summary>
public interface IRunObserver
{
    /// <summary>Receives crawl progress while the crawl runs; null to ignore it.</summary>
    IProgress<CrawlProgress>? CrawlProgress { get; }

    /// <summary>A stage started.</summary>
    void StageStarted(string stage, string description);

    /// <summary>A stage finished.</summary>
    void StageFinished(string stage, string summary);
}
