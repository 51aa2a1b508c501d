using System.Globalization;
using System.Net;
using System.Text;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;

namespace FunnelOps.Reporting;

/// <summary>
/// The run's report as one self-contained HTML page: the funnel per stage, the backlog (sortable
/// by column, filterable by stage and channel), and per finding its evidence, the arithmetic of
/// its impact and, where one was taken, the phone screenshot. Styles, script and images are
/// inline and a content security policy forbids every request, so the file opens offline and
/// leaks nothing. Every crawled string is HTML-escaped. The layout fits a phone without sideways
/// scrolling.
/// </summary>
public static class HtmlReport
{
    /// <summary>The largest screenshot embedded; larger ones are left out, not shrunk.</summary>
    public const long MaxScreenshotBytes = 400 * 1024;

    /// <summary>The most bytes of screenshots embedded in one report.</summary>
    public const long MaxScreenshotTotalBytes = 4 * 1024 * 1024;

    /// <summary>The most findings listed; the JSON report has them all.</summary>
    public const int MaxFindings = 500;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The HTML page for <paramref name="result"/>.</summary>
    public static string Write(RunResult result, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
            .Append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>FunnelOps report, week {result.Week}</title>\n<style>{Styles}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>FunnelOps report, week {result.Week}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"site\">{E(request.Site.AbsoluteUri)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{result.Crawl.Pages.Count()} pages read, {result.Renders.Count} rendered on a phone, ")
            .Append(CultureInfo.InvariantCulture, $"{result.Backlog.Count} findings. {E(VisitsSentence(result))}</p></header>\n<main>\n");
        AppendNotes(html, result);
        AppendChange(html, result);
        AppendFunnel(html, result);
        AppendBacklog(html, result, request);
        AppendSignals(html, result, request);
        AppendLearning(html, ReportWriter.Confidences(result, request));
        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string VisitsSentence(RunResult result)
    {
        var measured = result.Backlog.Count(i => i.Impact.VisitsSource != "estimated");
        return measured == 0
            ? "Visits are estimated from the site's internal links; supply an analytics export for measured visits."
            : $"Visits are measured from your analytics export for {measured} of {result.Backlog.Count} findings; " +
              "the rest are estimated from internal links.";
    }

    private static void AppendNotes(StringBuilder html, RunResult result)
    {
        foreach (var note in result.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(Bound(note, 600))}</p>\n");
        }
    }

    private static void AppendChange(StringBuilder html, RunResult result)
    {
        html.Append("<section><h2>This week's change</h2>");
        if (result.Change is { } change)
        {
            var where = change.Branch is null ? "not committed (dry run or failed verification)" : $"on branch {change.Branch}";
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(change.Fix.Item.Finding.Playbook.Title)}: {E(where)}. ")
                .Append(E(Bound(change.Verification.Summary, 600))).Append("</p>");
        }
        else
        {
            html.Append("<p>No change this week.</p>");
        }

        html.Append("</section>\n");
    }

    private static void AppendFunnel(StringBuilder html, RunResult result)
    {
        html.Append("<section id=\"funnel\"><h2>The funnel</h2><p>Pages, findings and projected pipeline at stake per stage.</p>\n<ol class=\"funnel\">");
        var largest = Math.Max(1, Enum.GetValues<Stage>().Max(stage => ImpactAt(result, stage)));
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var pages = result.Stages.Values.Count(s => s.Stage == stage);
            var items = result.Backlog.Where(i => i.Finding.Stage == stage).ToList();
            var impact = ImpactAt(result, stage);
            var width = (int)Math.Round(100 * impact / largest);
            var currency = result.Backlog.Count > 0 ? result.Backlog[0].Impact.Currency : "USD";
            html.Append(CultureInfo.InvariantCulture, $"<li data-stage=\"{stage.ToName()}\"><span class=\"stage\">{stage.ToName()}</span> ")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"figures\">{pages} pages · {items.Count} findings · ")
                .Append(CultureInfo.InvariantCulture, $"{E(MarkdownText.Money(impact, currency))} per week</span>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"bar\" style=\"width:{width}%\"></span></li>");
        }

        html.Append("</ol></section>\n");
    }

    private static double ImpactAt(RunResult result, Stage stage) =>
        result.Backlog.Where(i => i.Finding.Stage == stage).Sum(i => i.Impact.PerWeek);

    private static void AppendBacklog(StringBuilder html, RunResult result, RunRequest request)
    {
        var channels = result.Backlog.Select(i => i.Finding.Playbook.Channel).Distinct().Order(StringComparer.Ordinal);
        html.Append("<section id=\"backlog\"><h2>Backlog</h2>\n<div class=\"controls\">")
            .Append("<label>Stage <select id=\"filter-stage\"><option value=\"\">all</option>");
        foreach (var stage in Enum.GetValues<Stage>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<option>{stage.ToName()}</option>");
        }

        html.Append("</select></label> <label>Channel <select id=\"filter-channel\"><option value=\"\">all</option>");
        foreach (var channel in channels)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option>{E(channel)}</option>");
        }

        html.Append("</select></label> <span id=\"shown\"></span></div>\n<table id=\"backlog-table\"><thead><tr>")
            .Append("<th><button type=\"button\" data-sort=\"rank\" aria-sort=\"ascending\">#</button></th>")
            .Append("<th><button type=\"button\" data-sort=\"title\">Finding</button>")
            .Append("<span class=\"more-sorts\"><button type=\"button\" data-sort=\"stage\">stage</button>")
            .Append("<button type=\"button\" data-sort=\"channel\">channel</button>")
            .Append("<button type=\"button\" data-sort=\"pages\">pages</button></span></th>")
            .Append("<th class=\"num\"><button type=\"button\" data-sort=\"impact\">Impact per week</button></th>")
            .Append("</tr></thead>\n<tbody>\n");
        var budget = new ScreenshotBudget();
        foreach (var item in result.Backlog.Take(MaxFindings))
        {
            AppendItem(html, item, result, request.Economics, budget);
        }

        html.Append("</tbody></table>");
        if (result.Backlog.Count > MaxFindings)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p>… and {result.Backlog.Count - MaxFindings} more findings in report.json.</p>");
        }

        html.Append("</section>\n");
    }

    private static void AppendItem(StringBuilder html, BacklogItem item, RunResult result, Economics economics,
        ScreenshotBudget budget)
    {
        var finding = item.Finding;
        var impact = item.Impact;
        var stage = finding.Stage.ToName();
        var raised = impact.Pages.Any(p => p.Multipliers.Count > 0);
        html.Append(CultureInfo.InvariantCulture, $"<tr data-rank=\"{item.Rank}\" data-title=\"{E(finding.Playbook.Title)}\" ")
            .Append(CultureInfo.InvariantCulture, $"data-stage=\"{stage}\" data-channel=\"{E(finding.Playbook.Channel)}\" ")
            .Append(CultureInfo.InvariantCulture, $"data-pages=\"{finding.Urls.Count}\" ")
            .Append(CultureInfo.InvariantCulture, $"data-impact=\"{impact.PerWeek.ToString("0.##", CultureInfo.InvariantCulture)}\">")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"rank\">{item.Rank}</td><td><details><summary>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"title\">{E(finding.Playbook.Title)}</span>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"meta\"><span class=\"tag\">{stage}</span> ")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"tag\">{E(finding.Playbook.Channel)}</span> ")
            .Append(CultureInfo.InvariantCulture, $"{E(Bound(finding.Urls[0].AbsolutePath, 120))}")
            .Append(finding.Urls.Count > 1 ? $" and {finding.Urls.Count - 1} more" : "")
            .Append(" · ").Append(item.HasFix ? "automatic fix" : "advice")
            .Append(" · visits ").Append(impact.VisitsSource).Append("</span></summary>\n");
        AppendEvidence(html, item, result, economics, budget);
        html.Append("</details></td>")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{E(MarkdownText.Money(impact.PerWeek, impact.Currency))}")
            .Append(raised ? " <span title=\"raised by the page's signals\">↑</span>" : "").Append("</td></tr>\n");
    }

    private static void AppendEvidence(StringBuilder html, BacklogItem item, RunResult result, Economics economics,
        ScreenshotBudget budget)
    {
        var finding = item.Finding;
        html.Append("<div class=\"evidence\"><h3>What was seen</h3><ul>");
        foreach (var line in finding.Evidence.Take(20))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(Bound(line, 600))}</li>");
        }

        foreach (var (name, value) in finding.Facts.Take(20))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(name)}</b>: {E(Bound(value, 300))}</li>");
        }

        html.Append("</ul><h3>Pages</h3><ul class=\"urls\">");
        foreach (var url in finding.Urls.Take(20))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(Bound(url.AbsoluteUri, 300))}</li>");
        }

        if (finding.Urls.Count > 20)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>and {finding.Urls.Count - 20} more</li>");
        }

        html.Append("</ul>");
        AppendImpact(html, item.Impact, economics, finding.Playbook);
        foreach (var url in finding.Urls.Take(3))
        {
            if (result.Renders.TryGetValue(url, out var render) && budget.Take(render.ScreenshotPath) is { } data)
            {
                html.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{E("The page on a phone: " + url.AbsolutePath)}\" ")
                    .Append("src=\"data:image/png;base64,").Append(data).Append("\">")
                    .Append(CultureInfo.InvariantCulture, $"<figcaption>{E(Bound(url.AbsolutePath, 120))} on a phone</figcaption></figure>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"fingerprint\">fingerprint {E(finding.Fingerprint)} · ")
            .Append(CultureInfo.InvariantCulture, $"playbook {E(finding.Playbook.Id)}</p></div>");
    }

    private static void AppendImpact(StringBuilder html, Impact impact, Economics economics, Playbook playbook)
    {
        html.Append("<h3>How the impact was computed</h3><table class=\"impact\"><tbody>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>weekly visits</th><td>{MarkdownText.Number(impact.WeeklyVisits, 1)}</td>")
            .Append(CultureInfo.InvariantCulture, $"<td>{E(ImpactExplanation.VisitsSource(impact, economics))}</td></tr>");
        foreach (var stage in impact.Pages.Select(p => p.Stage).Distinct())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>pipeline per {stage.ToName()} visit</th>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(MarkdownText.Money(economics.ValuePerVisit(stage), impact.Currency, cents: true))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(MarkdownText.Percent(economics.VisitorToLead))} visitor→lead × ")
                .Append(CultureInfo.InvariantCulture, $"{E(ImpactExplanation.Intent(economics, stage))} × ")
                .Append(CultureInfo.InvariantCulture, $"{E(MarkdownText.Percent(economics.LeadToMql))} lead→MQL × ")
                .Append(CultureInfo.InvariantCulture, $"{E(MarkdownText.Percent(economics.MqlToSql))} MQL→SQL × ")
                .Append(CultureInfo.InvariantCulture, $"{E(MarkdownText.Money(economics.AverageContractValue, impact.Currency))} deal</td></tr>");
        }

        foreach (var page in impact.Pages.Where(p => p.Multipliers.Count > 0).Take(10))
        {
            foreach (var multiplier in page.Multipliers)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"factor\"><th>{E(multiplier.Name)} on {E(Bound(page.Url.AbsolutePath, 120))}</th>")
                    .Append(CultureInfo.InvariantCulture, $"<td>× {multiplier.Factor:0.###}</td><td>{E(multiplier.Reason)}</td></tr>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<tr><th>uplift</th><td>{E(MarkdownText.Percent(impact.Uplift))}</td>")
            .Append(CultureInfo.InvariantCulture, $"<td>{E(Bound(playbook.Scoring.UpliftSource, 400))}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>confidence</th><td>{impact.Confidence:0.##}</td>")
            .Append(CultureInfo.InvariantCulture, $"<td>{E(ImpactExplanation.ConfidenceSource(impact))}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>effort</th><td>{impact.Effort:0.##}</td><td>1 = a one-line edit, 5 = a project</td></tr>")
            .Append("</tbody></table>")
            .Append("<p class=\"formula\">")
            .Append(E(ImpactExplanation.Formula(impact).Replace("**", "", StringComparison.Ordinal))).Append("</p>");
    }

    private static void AppendSignals(StringBuilder html, RunResult result, RunRequest request)
    {
        var signals = request.Signals;
        if (signals.Sources.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"signals\"><h2>Signals</h2><ul>");
        foreach (var source in signals.Sources)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(source.File)} ({ReportWriter.FormatName(source.Format)}): {source.Rows} rows, ")
                .Append(CultureInfo.InvariantCulture, $"{source.SkippedRows} left out; {source.Days:0.#} days ({E(source.DaysSource)}), ")
                .Append(CultureInfo.InvariantCulture, $"figures × 7 ÷ {source.Days:0.#} for a week</li>");
        }

        var matched = result.Crawl.Pages.Count(p => signals.For(p.Url) is not null);
        html.Append(CultureInfo.InvariantCulture, $"</ul><p>{matched} of {result.Crawl.Pages.Count()} crawled pages have signals.</p>");
        if (signals.Queries.Count > 0)
        {
            html.Append("<h3>Search queries at striking distance</h3><p>Average position 8 to 30: a small gain puts them on ")
                .Append("page one. Search Console's queries export does not say which page each query leads to, so these ")
                .Append("are for the whole site and change no finding's impact.</p><table class=\"queries\"><thead><tr>")
                .Append("<th>query</th><th class=\"num\">impressions / week</th><th class=\"num\">position</th></tr></thead><tbody>");
            foreach (var query in signals.StrikingDistanceQueries(ReportWriter.StrikingDistanceRows))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Bound(query.Query, 200))}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{MarkdownText.Number(query.WeeklyImpressions)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{query.Position:0.#}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>\n");
    }

    private static void AppendLearning(StringBuilder html, IReadOnlyList<PlaybookConfidence> confidences)
    {
        html.Append("<section id=\"learning\"><h2>Confidence per playbook</h2><p>Each playbook starts at its declared ")
            .Append("confidence; merged changes that improved their pages raise it, changes merged without effect and ")
            .Append("rejected ones lower it.</p><table><thead><tr><th>playbook</th><th class=\"num\">declared</th>")
            .Append("<th class=\"num\">now</th><th>history</th></tr></thead><tbody>");
        foreach (var confidence in confidences)
        {
            var history = confidence.History.Count == 0 ? "no outcomes yet" : string.Join("; ", confidence.History.Select(h =>
                string.Create(CultureInfo.InvariantCulture, $"{h.Week} {ImpactExplanation.OutcomeName(h.Outcome)} → {h.ConfidenceAfter:0.##}")));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(confidence.PlaybookId)}</td><td class=\"num\">{confidence.Declared:0.##}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{confidence.Current:0.##}</td><td>{E(history)}</td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Bound(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>Embeds screenshots while they fit: each is checked to be a PNG and bounded in size.</summary>
    private sealed class ScreenshotBudget
    {
        private long _left = MaxScreenshotTotalBytes;

        public string? Take(string? path)
        {
            if (path is null || !File.Exists(path) || new FileInfo(path).Length is var length && length > MaxScreenshotBytes ||
                length > _left)
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < PngSignature.Length || !bytes.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature))
            {
                return null;
            }

            _left -= bytes.Length;
            return Convert.ToBase64String(bytes);
        }
    }

    private const string Styles = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f6f7f9}
        header,main{max-width:960px;margin:0 auto;padding:12px 16px}
        header{background:#fff;border-bottom:1px solid #dde1e8;max-width:none}
        h1{font-size:1.4rem;margin:.2em 0}h2{font-size:1.2rem;margin:1.2em 0 .4em}h3{font-size:1rem;margin:1em 0 .3em}
        td,th,li,p,figcaption{overflow-wrap:break-word}
        .site,.urls li,.fingerprint,.meta{overflow-wrap:anywhere}
        .note{background:#fff7e0;border-left:4px solid #e0a800;padding:8px 12px}
        section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:8px 14px;margin:12px 0}
        .funnel{list-style:none;padding:0;margin:0}
        .funnel li{position:relative;padding:8px 10px;margin:6px 0;background:#eef1f6;border-radius:6px;overflow:hidden}
        .funnel .stage{font-weight:600;text-transform:capitalize;position:relative;z-index:1}
        .funnel .figures{display:block;font-size:.9rem;position:relative;z-index:1}
        .funnel .bar{position:absolute;left:0;top:0;bottom:0;background:#c9dcf7}
        .controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:6px 0 10px}
        select,button{font:inherit}
        table{width:100%;border-collapse:collapse;table-layout:fixed}
        th,td{text-align:left;vertical-align:top;padding:6px 4px;border-bottom:1px solid #e6e9ef}
        #backlog-table>thead>tr>th:first-child,#backlog-table>tbody>tr>td:first-child{width:2.6em}
        #backlog-table>thead>tr>th:last-child,#backlog-table>tbody>tr>td:last-child{width:7.5em}
        .num{text-align:right}
        thead button{background:none;border:0;padding:0;font-weight:700;cursor:pointer;color:#1d4ed8;text-align:left}
        .more-sorts button{font-weight:400;font-size:.85rem;margin-left:8px}
        summary{cursor:pointer}
        .title{font-weight:600}
        .meta{display:block}
        .meta{font-size:.85rem;color:#4b5563}
        .tag{display:inline-block;background:#eef1f6;border-radius:4px;padding:0 5px}
        .evidence{font-size:.92rem}
        .impact{table-layout:auto}.impact th{font-weight:600;width:30%}
        .formula{background:#f0f6ff;padding:6px 8px;border-radius:4px}
        figure{margin:8px 0}figure img{max-width:100%;height:auto;max-height:480px;border:1px solid #dde1e8}
        .fingerprint{color:#6b7280;font-size:.8rem}
        #backlog-table tr[hidden]{display:none}
        @media (max-width:600px){body{font-size:15px}header,main{padding:8px}section{padding:6px 8px}
        #backlog-table,#backlog-table thead,#backlog-table tbody{display:block}
        #backlog-table>thead>tr,#backlog-table>tbody>tr{display:flex;flex-wrap:wrap;align-items:baseline;
        border-bottom:1px solid #e6e9ef}
        #backlog-table>thead>tr>th,#backlog-table>tbody>tr>td{border:0;width:auto}
        #backlog-table>thead>tr>th:first-child,#backlog-table>tbody>tr>td:first-child{flex:0 0 auto;width:auto}
        #backlog-table>thead>tr>th:last-child,#backlog-table>tbody>tr>td:last-child{flex:1 0 auto;width:auto;order:2;
        text-align:right}
        #backlog-table>thead>tr>th:nth-child(2),#backlog-table>tbody>tr>td:nth-child(2){flex:1 1 100%;order:3;padding-top:0}
        #backlog-table>tbody>tr[hidden]{display:none}
        .impact,.impact tbody,.impact tr{display:block}.impact tr{border-bottom:1px solid #e6e9ef;padding:4px 0}
        .impact th,.impact td{display:block;width:auto;border:0;padding:0}}
        """;

    private const string Script = """
        (function(){
          var table=document.getElementById('backlog-table');if(!table)return;
          var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
          var stage=document.getElementById('filter-stage'),channel=document.getElementById('filter-channel');
          var shown=document.getElementById('shown');
          var numeric={rank:1,impact:1,pages:1};var current='rank',ascending=true;
          function filter(){var n=0;rows.forEach(function(r){
            var ok=(!stage.value||r.dataset.stage===stage.value)&&(!channel.value||r.dataset.channel===channel.value);
            r.hidden=!ok;if(ok)n++;});shown.textContent=n+' of '+rows.length+' shown';}
          function sort(key){
            if(key===current){ascending=!ascending;}else{current=key;ascending=!(key==='impact'||key==='pages');}
            rows.sort(function(a,b){var x=a.dataset[key],y=b.dataset[key];
              var c=numeric[key]?(parseFloat(x)-parseFloat(y)):x.localeCompare(y);
              if(c===0)c=parseFloat(a.dataset.rank)-parseFloat(b.dataset.rank);return ascending?c:-c;});
            rows.forEach(function(r){body.appendChild(r);});
            table.querySelectorAll('thead button').forEach(function(b){
              if(b.dataset.sort===key)b.setAttribute('aria-sort',ascending?'ascending':'descending');
              else b.removeAttribute('aria-sort');});}
          table.querySelectorAll('thead button').forEach(function(b){
            b.addEventListener('click',function(){sort(b.dataset.sort);});});
          stage.addEventListener('change',filter);channel.addEventListener('change',filter);filter();
        })();
        """;
}
