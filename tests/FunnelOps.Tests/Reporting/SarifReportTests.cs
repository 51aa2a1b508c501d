using System.Text.Json.Nodes;
using FunnelOps.Reporting;
using Json.Schema;

namespace FunnelOps.Tests.Reporting;

public sealed class SarifReportTests : IAsyncLifetime
{
    private ReportRun _run = null!;

    public async Task InitializeAsync() => _run = await ReportRun.StartAsync();

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public void The_sarif_report_is_valid_under_the_pinned_sarif_2_1_0_schema()
    {
        var sarif = JsonNode.Parse(File.ReadAllText(_run.PathOf("report.sarif")))!;

        var result = SarifSchema().Evaluate(ReportFilesTests.Element(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, ReportFilesTests.Errors(result));
        // The schema is strict enough to catch a wrong shape.
        sarif["runs"]![0]!["results"]![0]!["level"] = "critical";
        Assert.False(SarifSchema().Evaluate(ReportFilesTests.Element(sarif)).IsValid);
    }

    [Fact]
    public void Every_playbook_is_one_rule_and_every_finding_one_result_with_its_fingerprint_and_page()
    {
        var run = JsonNode.Parse(File.ReadAllText(_run.PathOf("report.sarif")))!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        var backlog = _run.Result.Backlog;

        Assert.Equal(backlog.Select(i => i.Finding.Playbook.Id).Distinct().Order(StringComparer.Ordinal),
            rules.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(backlog.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i]!;
            var item = backlog[i];
            var ruleIndex = result["ruleIndex"]!.GetValue<int>();
            Assert.Equal(item.Finding.Playbook.Id, result["ruleId"]!.GetValue<string>());
            Assert.Equal(item.Finding.Playbook.Id, rules[ruleIndex]!["id"]!.GetValue<string>());
            Assert.Equal(item.Finding.Fingerprint, result["partialFingerprints"]![SarifReport.FingerprintKey]!.GetValue<string>());
            Assert.Equal(item.Finding.Urls[0].AbsoluteUri,
                result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
            Assert.Equal(item.Rank, result["properties"]!["rank"]!.GetValue<int>());
        }
    }

    [Fact]
    public void With_the_site_repository_a_result_points_at_the_file_behind_the_page_and_keeps_the_page_as_related()
    {
        var text = SarifReport.Write(_run.Result, _run.Request with { RepositoryPath = _run.SiteFolder });

        var results = JsonNode.Parse(text)!["runs"]![0]!["results"]!.AsArray();
        var pricing = results.First(r => r!["ruleId"]!.GetValue<string>() == "noindex-decision-page")!;
        Assert.Equal("pricing/index.html", pricing["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.EndsWith("/pricing/", pricing["relatedLocations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.True(SarifSchema().Evaluate(ReportFilesTests.Element(JsonNode.Parse(text)!)).IsValid);
    }

    // The published schema is draft-04. Its only draft-04 keyword is "id" (a name, not needed: every
    // $ref is local), and it uses no keyword whose meaning changed since, so it is read as draft-07.
    private static readonly Lazy<JsonSchema> Schema = new(LoadSarifSchema);

    private static JsonSchema SarifSchema() => Schema.Value;

    private static JsonSchema LoadSarifSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryFiles.SarifSchema))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema.Remove("id");
        Assert.DoesNotContain("exclusiveMinimum", schema.ToJsonString(), StringComparison.Ordinal);
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
