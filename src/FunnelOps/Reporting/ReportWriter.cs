using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunnelOps.Prioritization;

namespace FunnelOps.Reporting;

/// <summary>Writes a run's reports: <c>report.json</c> for tools and <c>report.md</c> for people.</summary>
public static class ReportWriter
{
    /// <summary>The version of the JSON report's shape; raised when a field changes meaning or goes away.</summary>
    public const int JsonSchemaVersion = 1;

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
        await File.WriteAllTextAsync(json, Json(result, request), cancellationToken);
        await File.WriteAllTextAsync(markdown, Markdown(result, request.Economics), cancellationToken);
        var written = new List<string> { json, markdown };
        if (result.Change?.PullRequest is { } pullRequest)
        {
            var path = Path.Combine(directory, "pull-request.md");
            await File.WriteAllTextAsync(path, pullRequest.ToMarkdown(), cancellationToken);
            written.Add(path);
        }

        return written;
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
                    uplift = item.Impact.Uplift,
                    confidence = item.Impact.Confidence,
                    effort = item.Impact.Effort,
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
            notes = result.Notes,
        };
        return JsonSerializer.Serialize(report, JsonOptions);
    }

    /// <summary>The Markdown report: the week's change, then the backlog by impact.</summary>
    public static string Markdown(RunResult result, Economics economics)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(economics);
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

        text.Append("## Backlog\n\n| rank | what | stage | channel | pages | impact per week | fix |\n")
            .Append("| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var item in result.Backlog)
        {
            var finding = item.Finding;
            var urls = string.Join(", ", finding.Urls.Take(3).Select(u => MarkdownText.Escape(u.AbsolutePath, 120)));
            var more = finding.Urls.Count > 3 ? $" and {finding.Urls.Count - 3} more" : "";
            text.Append(CultureInfo.InvariantCulture,
                $"| {item.Rank} | {MarkdownText.Escape(finding.Playbook.Title)} | {finding.Stage.ToName()} | {finding.Playbook.Channel} | ")
                .Append(CultureInfo.InvariantCulture, $"{urls}{more} | {MarkdownText.Money(item.Impact.PerWeek, item.Impact.Currency)} | ")
                .Append(item.HasFix ? "automatic" : "advice").Append(" |\n");
        }

        text.Append("\nImpact is projected qualified pipeline per week. Visits are estimated from the link graph ")
            .Append("until analytics are supplied; one visit is worth ")
            .Append(MarkdownText.Percent(economics.VisitorToLead)).Append(" visitor→lead × ")
            .Append(MarkdownText.Percent(economics.LeadToMql)).Append(" lead→MQL × ")
            .Append(MarkdownText.Percent(economics.MqlToSql)).Append(" MQL→SQL × ")
            .Append(MarkdownText.Money(economics.AverageContractValue, economics.Currency))
            .Append(" average deal, weighted by stage.\n");
        return text.ToString();
    }
}
