using FunnelOps.Crawling;

namespace FunnelOps.Worker.Presentation;

/// <summary>
/// Shows a run's progress: a live line in a terminal, or a plain line every few seconds when the
/// output goes to a log (CI), so logs stay short and readable.
/// </summary>
internal sealed class ConsoleObserver : IRunObserver, IProgress<CrawlProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);
    private readonly TextWriter _output;
    private readonly bool _live;
    private readonly TimeProvider _time;
    private readonly long _started;
    private TimeSpan _lastLine;
    private bool _lineOpen;

    public ConsoleObserver(TextWriter output, bool live, TimeProvider time)
    {
        _output = output;
        _live = live;
        _time = time;
        _started = time.GetTimestamp();
    }

    public IProgress<CrawlProgress>? CrawlProgress => this;

    public void StageStarted(string stage, string description)
    {
        CloseLine();
        _output.WriteLine($"… {description}");
    }

    public void StageFinished(string stage, string summary)
    {
        CloseLine();
        _output.WriteLine($"✓ {char.ToUpperInvariant(stage[0])}{stage[1..]}: {summary}");
    }

    public void Report(CrawlProgress value)
    {
        var elapsed = _time.GetElapsedTime(_started);
        var rate = elapsed.TotalSeconds > 0 ? value.Done / elapsed.TotalSeconds : 0;
        var text = $"  {value.Done} pages read, {value.Queued} waiting, {value.Errors} with errors, {rate:0} pages/s";
        lock (_output)
        {
            if (_live)
            {
                _output.Write("\r" + text.PadRight(78));
                _lineOpen = true;
            }
            else if (elapsed - _lastLine >= LogInterval)
            {
                _output.WriteLine(text);
                _lastLine = elapsed;
            }
        }
    }

    private void CloseLine()
    {
        lock (_output)
        {
            if (_lineOpen)
            {
                _output.WriteLine();
                _lineOpen = false;
            }
        }
    }
}
