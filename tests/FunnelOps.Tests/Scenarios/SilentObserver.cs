using FunnelOps.Crawling;

namespace FunnelOps.Tests.Scenarios;

/// <summary>An observer that shows nothing: scenario tests read results, not progress.</summary>
internal sealed class SilentObserver : IRunObserver
{
    public IProgress<CrawlProgress>? CrawlProgress => null;

    public void StageStarted(string stage, string description)
    {
    }

    public void StageFinished(string stage, string summary)
    {
    }
}
