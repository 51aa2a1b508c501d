using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelOps.Reporting;
using FunnelOps.Tests.Support;
using Json.Schema;

namespace FunnelOps.Tests.Reporting;

public sealed class ReportFilesTests : IAsyncLifetime
{
    // Read once: a schema registers itself under its id.
    private static readonly Lazy<JsonSchema> ReportSchema = new(() => JsonSchema.FromFile(RepositoryFiles.ReportSchema));

    private ReportRun _run = null!;

    public async Task InitializeAsync() => _run = await ReportRun.StartAsync();

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public void One_run_writes_the_markdown_html_json_and_sarif_reports()
    {
        foreach (var file in new[] { "report.md", "report.html", "report.json", "report.sarif" })
        {
            Assert.True(new FileInfo(_run.PathOf(file)).Length > 500, $"{file} is missing or nearly empty.");
        }
    }

    [Fact]
    public void The_json_report_is_valid_under_its_committed_schema_and_the_schema_catches_drift()
    {
        var schema = ReportSchema.Value;
        var report = JsonNode.Parse(File.ReadAllText(_run.PathOf("report.json")))!;

        var result = schema.Evaluate(Element(report), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Errors(result));
        Assert.Equal(ReportWriter.JsonSchemaVersion, report["schemaVersion"]!.GetValue<int>());
        Assert.Contains(report["findings"]!.AsArray(), f => f!["impact"]!["visitsSource"]!.GetValue<string>() == "measured");
        Assert.Equal(4, report["signals"]!["sources"]!.AsArray().Count);

        report["findings"]![0]!["impact"]!["visitsSource"] = "guessed";
        Assert.False(schema.Evaluate(Element(report)).IsValid);
    }

    [Fact]
    public void The_json_report_shows_each_playbooks_learned_confidence_and_its_history()
    {
        var report = JsonNode.Parse(File.ReadAllText(_run.PathOf("report.json")))!;
        var playbooks = report["playbooks"]!.AsArray();

        var rejected = playbooks.Single(p => p!["id"]!.GetValue<string>() == "render-blocking-script")!;
        var improved = playbooks.Single(p => p!["id"]!.GetValue<string>() == "noindex-decision-page")!;

        Assert.True(rejected["confidence"]!.GetValue<double>() < rejected["declaredConfidence"]!.GetValue<double>());
        Assert.True(improved["confidence"]!.GetValue<double>() > improved["declaredConfidence"]!.GetValue<double>());
        Assert.Equal("2026-W41", rejected["history"]![0]!["week"]!.GetValue<string>());
        Assert.Equal("Rejected", rejected["history"]![0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void The_markdown_report_says_where_visits_come_from_and_lists_signals_queries_and_learning()
    {
        var text = File.ReadAllText(_run.PathOf("report.md"));

        Assert.Contains("| rank | what | stage | channel | pages | impact per week | visits | fix |", text, StringComparison.Ordinal);
        Assert.Contains("| measured | automatic |", text, StringComparison.Ordinal);
        Assert.Contains("## Signals", text, StringComparison.Ordinal);
        Assert.Contains("| ga4-pages.csv | ga4 | 41 (1 left out) | 28 (the export's date range) | × 7 ÷ 28 |", text, StringComparison.Ordinal);
        Assert.Contains("### Search queries at striking distance", text, StringComparison.Ordinal);
        Assert.Contains("| roadmap vs backlog | 2,050 | 27.5 | 11.9 |", text, StringComparison.Ordinal);
        Assert.Contains("| render-blocking-script | ", text, StringComparison.Ordinal);
        Assert.Contains("2026-W41 rejected →", text, StringComparison.Ordinal);
        Assert.Contains("## The top findings, worked out", text, StringComparison.Ordinal);
        Assert.Contains("<details><summary>1. Let search engines list pages where buyers decide, $", text, StringComparison.Ordinal);
        var factors = _run.Result.Backlog.Take(ReportWriter.WorkedOutItems)
            .SelectMany(i => i.Impact.Pages.SelectMany(p => p.Multipliers.Select(m => (p.Url.AbsolutePath, m)))).ToList();
        Assert.NotEmpty(factors);
        Assert.All(factors, f => Assert.Contains($"| {f.m.Name} factor on {f.AbsolutePath} | × {f.m.Factor.ToString("0.###",
            System.Globalization.CultureInfo.InvariantCulture)} | {f.m.Reason} |", text, StringComparison.Ordinal));
        // Crawled text stays inert in Markdown too.
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_escapes_crawled_text_and_embeds_only_bounded_png_screenshots()
    {
        var html = File.ReadAllText(_run.PathOf("report.html"));

        Assert.DoesNotContain("<img src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=&quot;http://127.0.0.1:9/leak.png&quot;&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;", html,
            StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
        var top = _run.Result.Backlog[0].Finding.Urls[0];
        Assert.Equal(_run.Result.Backlog.Count(i => i.Finding.Urls.Take(3).Contains(top)),
            System.Text.RegularExpressions.Regex.Count(html, "src=\"data:image/png;base64,"));
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshots_that_are_not_png_or_too_large_are_left_out()
    {
        var top = _run.Result.Backlog[0].Finding.Urls[0];
        var fake = _run.Output.Write("shots/fake.png", "<svg onload=alert(1)>");
        var huge = _run.Output.WriteBytes("shots/huge.png", [.. Png.Create(10, 10), .. new byte[HtmlReport.MaxScreenshotBytes]]);

        foreach (var path in new[] { fake, huge })
        {
            var result = _run.Result with
            {
                Renders = new Dictionary<Uri, FunnelOps.Rendering.RenderResult>
                {
                    [top] = new() { Url = top, Metrics = new Dictionary<string, double>(), ScreenshotPath = path },
                },
            };
            await Task.Yield();
            Assert.DoesNotContain("data:image/png", HtmlReport.Write(result, _run.Request), StringComparison.Ordinal);
        }
    }

    // Failed alternatives of an anyOf that another alternative satisfied are noise: left out.
    internal static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(20));

    internal static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
