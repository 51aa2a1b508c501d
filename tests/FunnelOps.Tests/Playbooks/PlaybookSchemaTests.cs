using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelOps.Fixes;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunnelOps.Tests.Playbooks;

/// <summary>The JSON Schema editors use for playbooks agrees with the loader and the built-in catalogue.</summary>
public sealed class PlaybookSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromFile(Path.Combine(Engine.BuiltInPlaybooks, "schema", "playbook-v1.schema.json"));

    public static TheoryData<string> BuiltInPlaybooks() =>
        [.. Directory.EnumerateFiles(Engine.BuiltInPlaybooks, "*.yml").Select(Path.GetFileName).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(BuiltInPlaybooks))]
    public void Every_built_in_playbook_is_valid_under_the_schema_and_names_it_for_editors(string file)
    {
        var text = File.ReadAllText(Path.Combine(Engine.BuiltInPlaybooks, file));

        var result = Schema.Evaluate(JsonSerializer.SerializeToElement(ToJson(text)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.StartsWith("# yaml-language-server: $schema=./schema/playbook-v1.schema.json", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("colour: blue")]
    [InlineData("channel: tv")]
    [InlineData("stages: [purchase]")]
    [InlineData("fix: { kind: rewrite-everything }")]
    [InlineData("pr: { title: 'Fix {page_url}', why: w, verify: v }")]
    [InlineData("checks: [{ kind: selector, selector: h1, expect: maybe }]")]
    public void The_schema_and_the_loader_both_reject_the_same_mistakes(string mistake)
    {
        var text = WithLine(Valid, mistake);
        var errors = new List<FunnelOps.Playbooks.PlaybookError>();

        var loaded = Engine.PlaybookLoader().LoadFile("broken.yml", text, errors);
        var result = Schema.Evaluate(JsonSerializer.SerializeToElement(ToJson(text)));

        Assert.Null(loaded);
        Assert.NotEmpty(errors);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void The_schema_lists_exactly_the_fix_kinds_and_metrics_the_engine_knows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Engine.BuiltInPlaybooks, "schema", "playbook-v1.schema.json")))!;
        var fixKinds = schema["properties"]!["fix"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        var metrics = schema["$defs"]!["check"]!["oneOf"]![5]!["properties"]!["metric"]!["enum"]!.AsArray().Select(m => m!.GetValue<string>());

        Assert.Equal(FixPlanner.BuiltInKinds.Order(), fixKinds.Order());
        Assert.Equal(RenderMetrics.All.Order(), metrics.Order());
    }

    private const string Valid = """
        id: valid
        title: Valid
        stages: [awareness]
        channel: seo
        checks:
          - kind: selector
            selector: h1
            expect: present
        scoring:
          uplift: 0.1
          uplift_source: a study
          confidence: 0.5
          effort: 1
        pr:
          title: Fix {page.path}
          why: Because.
          verify: Look.
        """;

    // Replaces the top-level field the mistake names, or adds it.
    private static string WithLine(string yaml, string line)
    {
        var key = line.Split(':')[0];
        var lines = yaml.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (at < 0)
        {
            return yaml + "\n" + line;
        }

        var end = at + 1;
        while (end < lines.Count && lines[end].StartsWith(' '))
        {
            end++;
        }

        lines.RemoveRange(at, end - at);
        lines.Insert(at, line);
        return string.Join('\n', lines);
    }

    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when double.TryParse(scalar.Value, NumberStyles.Float,
            CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new JsonException($"Unexpected YAML node {node.NodeType}."),
    };
}
