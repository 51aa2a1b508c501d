using FunnelOps.Crawling;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Rendering;
using FunnelOps.Signals;
using FunnelOps.Tests.Prioritization;
using FunnelOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunnelOps.Tests.Reporting;

/// <summary>
/// A weekly run of the sample site with its signal exports and two past outcomes, as
/// <c>funnelops audit</c> runs it, and its reports written again with a phone screenshot of the
/// top finding's page and a note carrying markup, as a crawled string could.
/// </summary>
public sealed class ReportRun : IAsyncDisposable
{
    public const string HostileNote = "Seen on the site: <img src=\"http://127.0.0.1:9/leak.png\"> & <script>alert(1)</script>";

    private readonly TempFolder _site;
    private readonly ServedSite _served;

    private ReportRun(TempFolder site, ServedSite served, TempFolder output, RunRequest request, RunResult result)
    {
        _site = site;
        _served = served;
        Output = output;
        Request = request;
        Result = result;
    }

    public TempFolder Output { get; }

    public RunRequest Request { get; }

    public RunResult Result { get; }

    /// <summary>The sample site's files (removed with the served site), for mapping findings to source files.</summary>
    public string SiteFolder => _site.Path;

    public string PathOf(string file) => Path.Combine(Output.Path, file);

    public static async Task<ReportRun> StartAsync()
    {
        var site = SignalRankingTests.SampleSiteCopy();
        var served = await ServedSite.ServeAsync(site);
        var output = new TempFolder();
        var exports = Path.Combine(AppContext.BaseDirectory, "SampleSite", "signals");
        var signals = SignalImporter.Import(Directory.EnumerateFiles(exports, "*.csv").Order(StringComparer.Ordinal)
            .Select(f => new SignalSource { Path = f }), served.Address);
        var request = new RunRequest
        {
            Site = served.Address,
            OutputDirectory = output.Path,
            PlaybookPaths = [Engine.BuiltInPlaybooks],
            Render = RenderMode.None,
            Signals = signals,
            PastOutcomes =
            [
                new OutcomeRecord("noindex-decision-page", "a1", new Week(2026, 40), ChangeOutcome.MergedImproved),
                new OutcomeRecord("render-blocking-script", "b2", new Week(2026, 41), ChangeOutcome.Rejected),
            ],
        };
        var run = new WeeklyRun(Engine.Crawler(), NullLogger<WeeklyRun>.Instance, TimeProvider.System);
        var result = await run.RunAsync(request, new SilentObserver(), CancellationToken.None);

        // A screenshot of the top finding's page, and a crawled string that carries markup.
        var top = result.Backlog[0].Finding.Urls[0];
        var screenshot = output.WriteBytes("shots/top.png", Png.Create(390, 300));
        result = result with
        {
            Renders = new Dictionary<Uri, RenderResult>(result.Renders)
            {
                [top] = new() { Url = top, Metrics = new Dictionary<string, double>(), ScreenshotPath = screenshot },
            },
            Notes = [.. result.Notes, HostileNote],
        };
        await FunnelOps.Reporting.ReportWriter.WriteAsync(result, request, output.Path, CancellationToken.None);
        return new ReportRun(site, served, output, request, result);
    }

    public async ValueTask DisposeAsync()
    {
        await _served.DisposeAsync();
        Output.Dispose();
    }

    private sealed class SilentObserver : IRunObserver
    {
        public IProgress<CrawlProgress>? CrawlProgress => null;

        public void StageStarted(string stage, string description)
        {
        }

        public void StageFinished(string stage, string summary)
        {
        }
    }
}
