using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Rendering;
using FunnelOps.Reporting;
using FunnelOps.Verification;
using Microsoft.Extensions.Logging;

namespace FunnelOps;

/// <summary>
/// One weekly run, stage by stage: crawl, render, classify, evaluate, rank, then (with a site
/// repository) fix, verify and publish: on GitHub, or locally as a branch and a pull-request text with the
/// changes remembered in a state file, measured and fed back into the ranking as on GitHub.
/// </summary>
public sealed class WeeklyRun
{
    private readonly SiteCrawler _crawler;
    private readonly ILogger<WeeklyRun> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the run over its crawler, logger and clock.</summary>
    public WeeklyRun(SiteCrawler crawler, ILogger<WeeklyRun> logger, TimeProvider time)
    {
        _crawler = crawler;
        _logger = logger;
        _time = time;
    }

    /// <summary>Runs every stage and writes the reports into <see cref="RunRequest.OutputDirectory"/>.</summary>
    /// <exception cref="PlaybookLoadException">When a playbook is invalid; nothing is crawled then.</exception>
    public async Task<RunResult> RunAsync(RunRequest request, IRunObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var notes = new List<string>();
        var playbooks = new PlaybookLoader(FixPlanner.BuiltInKinds).Load(request.PlaybookPaths);
        var week = Week.Of(_time.GetUtcNow(), request.TimeZone);
        RunLog.Started(_logger, request.Site, week.ToString(), playbooks.Count);

        // A local run reads its state file first: a damaged one stops the run before anything is crawled.
        using var repository = request.GitHub is null && request.RepositoryPath is { } repositoryPath
            ? GitRepository.Open(repositoryPath)
            : null;
        var local = repository is null
            ? null
            : LocalChangeTracker.Open(repository, request.StatePath, request.Cadence, _time, _logger);

        // Crawl.
        var options = request.ConfigureCrawl(new CrawlOptions
        {
            StartUrl = request.Site,
            MaxPages = request.MaxPages,
            Probes = PlaybookEvaluator.ProbesFor(playbooks),
        });
        observer.StageStarted("crawl", $"Reading {request.Site}");
        var crawl = await _crawler.CrawlAsync(options, observer.CrawlProgress, cancellationToken);
        if (!crawl.Pages.Any())
        {
            var start = crawl.Find(crawl.StartUrl);
            var why = start?.Error ?? (start is null ? "it was not read" : $"it answered with status {start.Status}");
            notes.Add($"No page of {request.Site} could be read: {why.TrimEnd('.')}. Check the address, that the site " +
                "is running, and that this machine can reach it.");
        }

        notes.AddRange(crawl.Notes);
        observer.StageFinished("crawl", $"{crawl.Pages.Count()} pages and {crawl.Snapshots.Count} URLs read");

        // Render.
        await using var renderer = await LaunchRendererAsync(request, notes, observer);
        var renders = await RenderAsync(renderer, request, crawl, observer, cancellationToken);

        // Classify, evaluate, rank.
        var classifier = new StageClassifier(request.StageRules);
        var stages = crawl.Pages.ToDictionary(p => p.Url, classifier.Classify);
        var findings = PlaybookEvaluator.Evaluate(playbooks, crawl, stages, renders, request.Signals);

        // Measure earlier changes (on GitHub or in the state file) before ranking, so the ranking learns from them.
        var github = request.GitHub is { } gitHub ? GitHubPublisher.ForGitHub(gitHub, _time, _logger) : null;
        if (github is not null)
        {
            var outcomes = await github.MeasureAsync(findings, renders, request.Signals, request.DryRun, cancellationToken);
            request = request with { PastOutcomes = [.. request.PastOutcomes, .. outcomes] };
        }
        else if (local is not null)
        {
            var outcomes = local.Measure(findings, renders, request.Signals, request.DryRun, notes);
            request = request with { PastOutcomes = [.. request.PastOutcomes, .. outcomes] };
        }

        var backlog = new BacklogRanker(request.Economics, request.Signals, request.PastOutcomes)
            .Rank(findings, stages, new VisitEstimator(crawl, request.Economics.EstimatedWeeklyVisits));
        observer.StageFinished("rank", $"{backlog.Count} findings ranked by projected pipeline");

        // Fix, verify, publish.
        FixPlan? plan = null;
        ChangeResult? change = null;
        GitHubPublication? publication = null;
        if (github is not null || local is not null)
        {
            var planner = new FixPlanner(FixPlanner.BuiltIn, request.Fixes);
            var verifier = new FixVerifier(_crawler, classifier, playbooks, renderer) { Build = request.Fixes.Build };
            var context = new PublishContext(week, backlog, findings, renders, options, request.Economics, request.DryRun);
            if (github is not null)
            {
                (publication, plan, change) = await github.PublishAsync(planner, verifier, crawl, context, request.Signals,
                    notes, cancellationToken);
            }
            else if (local is not null)
            {
                (plan, change) = await local.PublishAsync(planner, verifier, crawl, context, request.Signals, notes,
                    cancellationToken);
            }
        }

        var result = new RunResult
        {
            Week = week,
            Crawl = crawl,
            Stages = stages,
            Renders = renders,
            Findings = findings,
            Backlog = backlog,
            Plan = plan,
            Change = change,
            Publication = publication,
            Notes = notes,
        };
        await ReportWriter.WriteAsync(result, request, request.OutputDirectory, cancellationToken);
        RunLog.Finished(_logger, backlog.Count, change?.Branch ?? "none");
        return result;
    }

    private async Task<IMobileRenderer?> LaunchRendererAsync(RunRequest request, List<string> notes, IRunObserver observer)
    {
        if (request.Render == RenderMode.None)
        {
            return null;
        }

        var settings = Rendering(request);
        var executable = ChromiumLocator.Find(settings.BrowserPath);
        if (executable is null)
        {
            RenderLog.NoBrowser(_logger);
            notes.Add("Mobile checks (sideways scrolling, tap targets, the largest image) were skipped; everything " +
                "that needs no browser was checked. " + ChromiumLocator.Explain(settings.BrowserPath));
            observer.StageFinished("render", "skipped: no browser found");
            return null;
        }

        try
        {
            return await PlaywrightMobileRenderer.LaunchAsync(executable, settings);
        }
        catch (Exception exception) when (exception is Microsoft.Playwright.PlaywrightException or ArgumentException)
        {
            notes.Add($"The browser at {executable} did not start ({exception.Message.Split('\n')[0]}); " +
                "mobile checks were skipped. " + ChromiumLocator.InstallAdvice);
            return null;
        }
    }

    // The configured render settings, with the browser given on the command line and screenshots in the output folder.
    private static RenderSettings Rendering(RunRequest request)
    {
        var settings = request.RenderOverrides(request.RenderSettings);
        return settings with
        {
            BrowserPath = request.ChromiumPath ?? settings.BrowserPath,
            ScreenshotDirectory = settings.ScreenshotDirectory ?? Path.Combine(request.OutputDirectory, "screenshots"),
            SiteHosts = SiteHosts(request),
        };
    }

    // The site's own host names, with and without "www.", and the extra hosts of the crawl settings.
    private static string[] SiteHosts(RunRequest request)
    {
        var host = request.Site.Host;
        var other = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host;
        var extra = request.ConfigureCrawl(new CrawlOptions { StartUrl = request.Site }).ExtraHosts;
        return [host, .. System.Net.IPAddress.TryParse(host, out _) ? [] : new[] { other }, .. extra];
    }

    private async Task<Dictionary<Uri, RenderResult>> RenderAsync(IMobileRenderer? renderer, RunRequest request,
        CrawlResult crawl, IRunObserver observer, CancellationToken cancellationToken)
    {
        var renders = new Dictionary<Uri, RenderResult>();
        if (renderer is null)
        {
            return renders;
        }

        var settings = Rendering(request);
        var classifier = new StageClassifier(request.StageRules);
        var decision = crawl.Pages.Where(p => classifier.Classify(p).Stage == Stage.Decision).Select(p => p.Url).ToHashSet();
        var sample = request.Render == RenderMode.All
            ? [.. crawl.Pages.Select(p => p.Url)]
            : RenderSampler.Sample(crawl, decision, request.Signals, settings);
        observer.StageStarted("render", $"Loading {sample.Count} pages on a simulated phone");
        RenderLog.Started(_logger, sample.Count, settings.Device);
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sample, options, async (url, token) =>
        {
            var render = await renderer.RenderAsync(url, token);
            if (render.Error is not null)
            {
                RenderLog.Failed(_logger, url, render.Error);
            }
            else if (_logger.IsEnabled(LogLevel.Debug))
            {
                RenderLog.Rendered(_logger, url, string.Join(", ", render.Metrics.Select(m => $"{m.Key}={m.Value}")));
            }

            lock (renders)
            {
                renders[url] = render;
            }
        });

        // In sample order, whichever page finished first.
        renders = sample.Where(renders.ContainsKey).ToDictionary(url => url, url => renders[url]);

        observer.StageFinished("render", $"{renders.Count} pages rendered on a phone");
        return renders;
    }
}
