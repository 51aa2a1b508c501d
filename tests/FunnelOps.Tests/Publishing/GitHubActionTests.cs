using FunnelOps.Tests.Reporting;
using YamlDotNet.RepresentationModel;

namespace FunnelOps.Tests.Publishing;

/// <summary>
/// The GitHub Action and the repository's workflows, read as GitHub reads them: strict YAML with the inputs and steps
/// the README promises.
/// </summary>
public sealed class GitHubActionTests
{
    private static readonly string Action = Path.Combine(RepositoryFiles.Root, ".github", "actions", "funnelops", "action.yml");

    [Fact]
    public void The_action_takes_the_site_and_a_token_only_through_the_environment()
    {
        var action = Load(Action);
        var inputs = (YamlMappingNode)action["inputs"];
        var run = Steps(action).Single(s => Text(s, "name") == "Run FunnelOps");

        Assert.Equal("true", Text((YamlMappingNode)inputs["site"], "required"));
        Assert.Contains("--token-env FUNNELOPS_GITHUB_TOKEN", Text(run, "run"), StringComparison.Ordinal);
        Assert.DoesNotContain("inputs.token", Text(run, "run"), StringComparison.Ordinal);
        Assert.Equal("${{ inputs.token }}", Text((YamlMappingNode)run["env"], "FUNNELOPS_GITHUB_TOKEN"));
    }

    [Fact]
    public void The_action_keeps_the_reports_the_pull_requests_refer_to_and_shows_the_backlog_even_after_a_failure()
    {
        var steps = Steps(Load(Action));

        var upload = steps.Single(s => Text(s, "uses").StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal("funnelops-reports", Text((YamlMappingNode)upload["with"], "name"));
        Assert.Equal("always()", Text(upload, "if"));
        var summary = steps.Single(s => Text(s, "run").Contains("GITHUB_STEP_SUMMARY", StringComparison.Ordinal));
        Assert.Equal("always()", Text(summary, "if"));
    }

    [Fact]
    public void Every_workflow_is_valid_yaml_with_jobs()
    {
        var workflows = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, ".github", "workflows"), "*.yml");

        Assert.NotEmpty(workflows);
        Assert.All(workflows, file => Assert.IsType<YamlMappingNode>(Load(file)["jobs"]));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode action) =>
        [.. ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"]).Children.Cast<YamlMappingNode>()];

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";
}
