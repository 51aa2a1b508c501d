using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunnelOps.Prioritization;
using FunnelOps.Signals;

namespace FunnelOps.Reporting;

/// <summary>
/// Writes a run's reports: <c>report.md</c> (a GitHub job summary or backlog issue),
/// <c>report.html</c> (one self-contained page to read and sort the backlog), <c>report.json</c>
/// for tools (its shape is <c>report.schema.json</c> beside this file) and <c>report.sarif</c>
/// for code scanning.
/// </summary>
public static class ReportWriter
{
    /// <summary>The version of the JSON report's shape; raised when a field changes meaning or goes away.</summary>
    public const int JsonSchemaVersion = 2;

    /// <summary>The most backlog rows in the Markdown report, which GitHub shows as a job summary of at most 1 MB.</summary>
    public const int MarkdownBacklogRows = 100;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes both reports into <paramref name="directory"/> and returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        RunResult result, RunRequest request, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "report.json");
        var markdown = Path.Combine(directory, "report.md");
        var html = Path.Combine(directory, "report.html");
        var sarif = Path.Combine(directory, "report.sarif");
        await File.WriteAllTextAsync(json, Json(result, request), cancellationToken);
        await File.WriteAllTextAsync(markdown, Markdown(result, request), cancellationToken);
        await File.WriteAllTextAsync(html, HtmlReport.Write(result, request), cancellationToken);
        await File.WriteAllTextAsync(sarif, SarifReport.Write(result, request), cancellationToken);
        var written = new List<string> { json, markdown, html, sarif };
        if (result.Change?.PullRequest is { } pullRequest)
        {
            var path = Path.Combine(directory, "pull-request.md");
            await File.WriteAllTextAsync(path, pullRequest.ToMarkdown(), cancellationToken);
            written.Add(path);
        }

        return written;
    }

    /// <summary>How many of the top findings the Markdown report works out in full.</summary>
    public const int WorkedOutItems = 3;

    /// <summary>How many striking-distance search queries the reports list.</summary>
    public const int StrikingDistanceRows = 15;

    /// <summary>
    /// The confidence of every playbook that found something this week, learned from the past
    /// outcomes in <paramref name="request"/>, ordered by playbook id.
    /// </summary>
    public static IReadOnlyList<PlaybookConfidence> Confidences(RunResult result, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        return [.. result.Findings.Select(f => f.Playbook).Concat(result.Backlog.Select(i => i.Finding.Playbook))
            .DistinctBy(p => p.Id)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => ConfidenceLearner.Learn(p.Id, p.Scoring.Confidence, request.PastOutcomes))];
    }

    /// <summary>The JSON report.</summary>
    public static string Json(RunResult result, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var report = new
        {
            schemaVersion = JsonSchemaVersion,
            site = request.Site.AbsoluteUri,
            week = result.Week.ToString(),
            crawl = new
            {
                urls = result.Crawl.Snapshots.Count,
                pages = result.Crawl.Pages.Count(),
                resources = result.Crawl.Resources.Count,
                brokenResources = result.Crawl.Resources.Where(r => r.IsBroken).Select(r => new { url = r.Url.AbsoluteUri, status = r.Status }),
                sitemapUrls = result.Crawl.SitemapUrls,
                orphanCandidates = result.Crawl.OrphanCandidates.Select(p => p.Url.AbsoluteUri),
            },
            pages = result.Crawl.Snapshots.Select(s => new
            {
                url = s.Url.AbsoluteUri,
                status = s.Status,
                stage = result.Stages.TryGetValue(s.Url, out var stage) ? stage.Stage.ToName() : null,
                stageReason = stage?.Reason,
                depth = s.Depth,
                inlinks = result.Crawl.InlinksOf(s.Url).Count,
                inSitemap = s.InSitemap,
                outcome = s.Outcome.ToString(),
                contentType = s.ContentType,
                bytes = s.Bytes,
                timeToFirstByteMs = Math.Round(s.TimeToFirstByte.TotalMilliseconds, 1),
                headers = s.Headers,
                redirects = s.Redirects.Select(h => new { from = h.From.AbsoluteUri, to = h.To.AbsoluteUri, status = h.Status }),
                title = s.Html?.Title,
                error = s.Error,
            }),
            findings = result.Backlog.Select(item => new
            {
                rank = item.Rank,
                playbook = item.Finding.Playbook.Id,
                title = item.Finding.Playbook.Title,
                stage = item.Finding.Stage.ToName(),
                channel = item.Finding.Playbook.Channel,
                urls = item.Finding.Urls.Select(u => u.AbsoluteUri),
                impact = new
                {
                    perWeek = Math.Round(item.Impact.PerWeek, 2),
                    currency = item.Impact.Currency,
                    weeklyVisits = Math.Round(item.Impact.WeeklyVisits, 1),
                    visitsEstimated = item.Impact.VisitsEstimated,
                    visitsSource = item.Impact.VisitsSource,
                    pipelineAtStake = Math.Round(item.Impact.PipelineAtStake, 2),
                    weightedPipelineAtStake = Math.Round(item.Impact.WeightedPipelineAtStake, 2),
                    uplift = item.Impact.Uplift,
                    confidence = Math.Round(item.Impact.Confidence, 4),
                    declaredConfidence = item.Finding.Playbook.Scoring.Confidence,
                    effort = item.Impact.Effort,
                    pages = item.Impact.Pages.Select(p => new
                    {
                        url = p.Url.AbsoluteUri,
                        stage = p.Stage.ToName(),
                        weeklyVisits = Math.Round(p.WeeklyVisits, 2),
                        visitsMeasured = p.VisitsMeasured,
                        valuePerVisit = Math.Round(p.ValuePerVisit, 4),
                        multipliers = p.Multipliers.Select(m => new { name = m.Name, factor = Math.Round(m.Factor, 4), reason = m.Reason }),
                    }),
                },
                evidence = item.Finding.Evidence,
                fingerprint = item.Finding.Fingerprint,
                fix = item.Finding.Playbook.Fix?.Kind,
            }),
            renders = result.Renders.Values.Select(r => new { url = r.Url.AbsoluteUri, metrics = r.Metrics, error = r.Error }),
            change = result.Change is not { } change ? null : new
            {
                playbook = change.Fix.Item.Finding.Playbook.Id,
                fingerprint = change.Fix.Item.Finding.Fingerprint,
                files = change.Fix.Files.Select(f => f.Mapping.RelativePath),
                verified = change.Verification.Passed,
                verification = change.Verification.Summary,
                branch = change.Branch,
                commit = change.CommitId,
            },
            signals = new
            {
                sources = request.Signals.Sources.Select(f => new
                {
                    file = f.File,
                    format = FormatName(f.Format),
                    rows = f.Rows,
                    skippedRows = f.SkippedRows,
                    days = f.Days,
                    daysSource = f.DaysSource,
                }),
                pages = request.Signals.PageCount,
                matchedPages = result.Crawl.Pages.Count(p => request.Signals.For(p.Url) is not null),
                strikingDistanceQueries = request.Signals.StrikingDistanceQueries(StrikingDistanceRows).Select(q => new
                {
                    query = q.Query,
                    weeklyClicks = Math.Round(q.WeeklyClicks, 2),
                    weeklyImpressions = Math.Round(q.WeeklyImpressions, 2),
                    position = Math.Round(q.Position, 2),
                }),
            },
            playbooks = Confidences(result, request).Select(c => new
            {
                id = c.PlaybookId,
                declaredConfidence = c.Declared,
                confidence = Math.Round(c.Current, 4),
                alpha = Math.Round(c.Alpha, 4),
                beta = Math.Round(c.Beta, 4),
                history = c.History.Select(h => new
                {
                    week = h.Week.ToString(),
                    fingerprint = h.Fingerprint,
                    outcome = h.Outcome.ToString(),
                    confidenceAfter = Math.Round(h.ConfidenceAfter, 4),
                }),
            }),
            notes = result.Notes,
        };
        return JsonSerializer.Serialize(report, JsonOptions);
    }

    /// <summary>The Markdown report without signals or past outcomes.</summary>
    public static string Markdown(RunResult result, Economics economics)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Markdown(result, new RunRequest
        {
            Site = result.Crawl.StartUrl,
            OutputDirectory = ".",
            PlaybookPaths = [],
            Economics = economics,
        });
    }

    /// <summary>
    /// The Markdown report: the week's change, then the backlog by impact, where the visits come
    /// from, what the signals say about the site and what the ranking learned.
    /// </summary>
    public static string Markdown(RunResult result, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var economics = request.Economics;
        var text = new StringBuilder();
        var pages = result.Crawl.Pages.Count();
        text.Append(CultureInfo.InvariantCulture, $"# FunnelOps report, week {result.Week}\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{pages} pages read, {result.Renders.Count} rendered on a phone, {result.Backlog.Count} findings.\n\n");
        var orphans = result.Crawl.OrphanCandidates.Take(10).ToList();
        if (orphans.Count > 0)
        {
            text.Append("Pages your sitemap lists but no page links to (visitors can hardly find them): ")
                .Append(string.Join(", ", orphans.Select(o => MarkdownText.CodeSpan(o.Url.AbsolutePath)))).Append(".\n\n");
        }

        var brokenResources = result.Crawl.Resources.Where(r => r.IsBroken).Take(10).ToList();
        if (brokenResources.Count > 0)
        {
            text.Append("Images, scripts or stylesheets that fail to load: ")
                .Append(string.Join(", ", brokenResources.Select(r => $"{MarkdownText.CodeSpan(r.Url.AbsolutePath)} ({r.Status})")))
                .Append(".\n\n");
        }

        foreach (var note in result.Notes)
        {
            text.Append("> ").Append(MarkdownText.Escape(note, 600)).Append("\n\n");
        }

        text.Append("## This week's change\n\n");
        if (result.Change is { } change)
        {
            var where = change.Branch is null ? "not committed (dry run or failed verification)" : $"on branch `{change.Branch}`";
            text.Append(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(change.Fix.Item.Finding.Playbook.Title)}: {where}. ")
                .Append(MarkdownText.Escape(change.Verification.Summary, 600)).Append("\n\n");
        }
        else
        {
            text.Append("No change this week.\n\n");
        }

        AppendBacklog(text, result);
        AppendVisitsNote(text, result, economics);
        AppendWorkedOut(text, result, economics);
        AppendSignals(text, result, request.Signals);
        AppendLearning(text, Confidences(result, request));
        return text.ToString();
    }

    private static void AppendBacklog(StringBuilder text, RunResult result)
    {
        text.Append("## Backlog\n\n| rank | what | stage | channel | pages | impact per week | visits | fix |\n")
            .Append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var item in result.Backlog.Take(MarkdownBacklogRows))
        {
            var finding = item.Finding;
            var urls = string.Join(", ", finding.Urls.Take(3).Select(u => MarkdownText.Escape(u.AbsolutePath, 120)));
            var more = finding.Urls.Count > 3 ? $" and {finding.Urls.Count - 3} more" : "";
            var factors = item.Impact.Pages.Any(p => p.Multipliers.Count > 0) ? " ↑" : "";
            text.Append(CultureInfo.InvariantCulture,
                $"| {item.Rank} | {MarkdownText.Escape(finding.Playbook.Title)} | {finding.Stage.ToName()} | {finding.Playbook.Channel} | ")
                .Append(CultureInfo.InvariantCulture, $"{urls}{more} | {MarkdownText.Money(item.Impact.PerWeek, item.Impact.Currency)}{factors} | ")
                .Append(item.Impact.VisitsSource).Append(" | ")
                .Append(item.HasFix ? "automatic" : "advice").Append(" |\n");
        }

        if (result.Backlog.Count > MarkdownBacklogRows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n… and {result.Backlog.Count - MarkdownBacklogRows} more findings in report.html and report.json.\n");
        }
    }

    // The top items in full, folded so that a job summary or an issue stays short: what was seen and
    // the arithmetic of the impact, so the ranking can be checked without opening report.html.
    private static void AppendWorkedOut(StringBuilder text, RunResult result, Economics economics)
    {
        var top = result.Backlog.Take(WorkedOutItems).ToList();
        if (top.Count == 0)
        {
            return;
        }

        text.Append("\n## The top findings, worked out\n");
        foreach (var item in top)
        {
            var finding = item.Finding;
            text.Append(CultureInfo.InvariantCulture, $"\n<details><summary>{item.Rank}. {MarkdownText.Escape(finding.Playbook.Title)}, ")
                .Append(MarkdownText.Money(item.Impact.PerWeek, item.Impact.Currency)).Append(" per week</summary>\n\n");
            foreach (var line in finding.Evidence.Take(3))
            {
                text.Append("- ").Append(MarkdownText.EscapeWithCode(line)).Append('\n');
            }

            text.Append('\n').Append(ImpactExplanation.Markdown(item.Impact, economics, finding.Playbook.Scoring.UpliftSource))
                .Append("\n\n</details>\n");
        }
    }

    private static void AppendVisitsNote(StringBuilder text, RunResult result, Economics economics)
    {
        var measured = result.Backlog.Count(i => i.Impact.VisitsSource == "measured");
        var visits = measured == result.Backlog.Count && measured > 0
            ? "Visits are measured: they come from your analytics export."
            : measured > 0 || result.Backlog.Any(i => i.Impact.VisitsSource == "mixed")
                ? "Visits are measured from your analytics export where it lists the page (\"measured\"), and " +
                  "estimated from the link graph elsewhere (\"estimated\")."
                : "Visits are estimated from the link graph until analytics are supplied (--signals or signals: in the configuration).";
        text.Append("\nImpact is projected qualified pipeline per week. ").Append(visits).Append(" One visit is worth ")
            .Append(MarkdownText.Percent(economics.VisitorToLead)).Append(" visitor→lead × ")
            .Append(MarkdownText.Percent(economics.LeadToMql)).Append(" lead→MQL × ")
            .Append(MarkdownText.Percent(economics.MqlToSql)).Append(" MQL→SQL × ")
            .Append(MarkdownText.Money(economics.AverageContractValue, economics.Currency))
            .Append(" average deal, weighted by stage. ↑ marks an impact raised by the page's signals (mobile bounce gap, ")
            .Append("search position, ad spend); report.html shows each factor.\n");
    }

    private static void AppendSignals(StringBuilder text, RunResult result, SiteSignals signals)
    {
        if (signals.Sources.Count == 0)
        {
            return;
        }

        var matched = result.Crawl.Pages.Count(p => signals.For(p.Url) is not null);
        text.Append("\n## Signals\n\n| export | kind | rows | days | figures per week |\n| --- | --- | --- | --- | --- |\n");
        foreach (var source in signals.Sources)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Escape(source.File, 120)} | {FormatName(source.Format)} | ")
                .Append(CultureInfo.InvariantCulture, $"{source.Rows} ({source.SkippedRows} left out) | {source.Days:0.#} ({source.DaysSource}) | ")
                .Append(CultureInfo.InvariantCulture, $"× 7 ÷ {source.Days:0.#} |\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n{matched} of {result.Crawl.Pages.Count()} crawled pages have signals ({signals.PageCount} pages named in the exports).\n");
        var queries = signals.StrikingDistanceQueries(StrikingDistanceRows);
        if (signals.Queries.Count > 0)
        {
            text.Append("\n### Search queries at striking distance\n\nQueries whose average position is 8 to 30: a small gain ")
                .Append("puts them on page one. Search Console's queries export does not say which page each query ")
                .Append("leads to, so these are for the whole site and do not change any finding's impact.\n\n");
            if (queries.Count == 0)
            {
                text.Append("None this week.\n");
            }
            else
            {
                text.Append("| query | impressions per week | clicks per week | position |\n| --- | --- | --- | --- |\n");
                foreach (var query in queries)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Escape(query.Query, 120)} | ")
                        .Append(MarkdownText.Number(query.WeeklyImpressions)).Append(" | ")
                        .Append(MarkdownText.Number(query.WeeklyClicks, 1)).Append(" | ")
                        .Append(CultureInfo.InvariantCulture, $"{query.Position:0.#} |\n");
                }
            }
        }
    }

    private static void AppendLearning(StringBuilder text, IReadOnlyList<PlaybookConfidence> confidences)
    {
        var learned = confidences.Where(c => c.History.Count > 0).ToList();
        if (learned.Count == 0)
        {
            return;
        }

        text.Append("\n## What the ranking learned\n\nEach playbook's confidence starts at its declared value and moves ")
            .Append("with the measured outcomes of past changes (merged and improved raises it; merged without effect ")
            .Append("and rejected lower it).\n\n| playbook | declared | now | history |\n| --- | --- | --- | --- |\n");
        foreach (var confidence in learned)
        {
            var history = string.Join("; ", confidence.History.Select(h =>
                string.Create(CultureInfo.InvariantCulture, $"{h.Week} {ImpactExplanation.OutcomeName(h.Outcome)} → {h.ConfidenceAfter:0.##}")));
            text.Append(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Escape(confidence.PlaybookId)} | {confidence.Declared:0.##} | {confidence.Current:0.##} | {history} |\n");
        }
    }

    /// <summary>The name of an export format in the configuration's words.</summary>
    public static string FormatName(SignalFormat format) => format switch
    {
        SignalFormat.Ga4Pages => "ga4",
        SignalFormat.SearchConsolePages => "search-console-pages",
        SignalFormat.SearchConsoleQueries => "search-console-queries",
        SignalFormat.AdsLandingPages => "google-ads",
        _ => "generic",
    };
}
