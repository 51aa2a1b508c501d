namespace FunnelOps.Worker.Tests.Commands;

/// <summary>The command line's shape, help and input errors, as users and their scripts see them.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("demo", "--out")]
    [InlineData("audit", "--site")]
    [InlineData("audit", "--render")]
    [InlineData("run", "--repo")]
    [InlineData("run", "--dry-run")]
    [InlineData("run", "--publish")]
    [InlineData("run", "--state")]
    [InlineData("playbooks", "validate")]
    [InlineData("playbooks", "list")]
    public async Task Every_command_explains_itself_with_help(string command, string mentioned)
    {
        var (code, output, _) = await InvokeAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains(mentioned, output);
        Assert.Contains("Description:", output);
    }

    [Fact]
    public async Task An_address_that_is_not_a_web_address_is_refused_with_an_example()
    {
        var (code, _, error) = await InvokeAsync("audit", "--site", "www.example.com");

        Assert.Equal(2, code);
        Assert.Contains("--site https://www.example.com", error);
    }

    [Fact]
    public async Task Run_refuses_a_folder_that_does_not_exist_and_changes_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "funnelops-no-such-" + Guid.NewGuid().ToString("N"));

        var (code, _, error) = await InvokeAsync("run", "--site", "http://127.0.0.1:9/", "--repo", missing);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Publishing_to_GitHub_needs_the_repository_address_and_names_the_token_variable_to_set()
    {
        var (folderCode, _, folderError) = await InvokeAsync(
            "run", "--site", "http://127.0.0.1:9/", "--repo", ".", "--publish", "github");
        var (tokenCode, _, tokenError) = await InvokeAsync("run", "--site", "http://127.0.0.1:9/",
            "--repo", "https://github.com/acme/site.git", "--publish", "github", "--token-env", "FUNNELOPS_TEST_UNSET_TOKEN");

        Assert.Equal((2, 2), (folderCode, tokenCode));
        Assert.Contains("address without credentials, such as https://github.com/", folderError);
        Assert.Contains("set the environment variable FUNNELOPS_TEST_UNSET_TOKEN", tokenError);
    }

    [Fact]
    public async Task The_built_in_playbooks_validate()
    {
        var (code, output, _) = await InvokeAsync("playbooks", "validate");

        Assert.Equal(0, code);
        Assert.Matches(@"✓ \d+ playbook\(s\) in .* are valid", output);
    }

    [Fact]
    public async Task A_broken_playbook_is_reported_with_file_line_column_and_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("funnelops-playbooks-");
        var file = Path.Combine(folder.FullName, "broken.yml");
        await File.WriteAllTextAsync(file, """
            id: broken
            title: Broken
            stages: [awareness]
            channel: seo
            checks:
              - kind: selectr
                selector: h1
            scoring:
              uplift: 0.1
              uplift_source: test
              confidence: 2
              effort: 1
            pr:
              title: t
              why: w
              verify: v
            colour: blue
            """);

        var (code, _, error) = await InvokeAsync("playbooks", "validate", file);

        Assert.Equal(2, code);
        Assert.Contains($"{file}:6:", error);
        Assert.Contains("Unknown check kind \"selectr\"", error);
        Assert.Contains($"{file}:11:", error);
        Assert.Contains($"{file}:17:", error);
        Assert.Contains("Unknown field \"colour\"", error);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task The_playbook_list_shows_id_stages_channel_and_fix()
    {
        var (code, output, _) = await InvokeAsync("playbooks", "list");

        Assert.Equal(0, code);
        Assert.Matches(@"noindex-decision-page\s+consideration, decision\s+seo\s+remove-noindex", output);
        Assert.Matches(@"h1-missing\s+.*advice only", output);
    }

    [Fact]
    public async Task The_playbook_list_reads_a_team_folder_and_aligns_long_ids()
    {
        var folder = Directory.CreateTempSubdirectory("funnelops-playbooks-");
        var longId = "a-team-playbook-with-a-very-long-identifier";
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "team.yml"), $$"""
            id: {{longId}}
            title: Team rule
            stages: [decision]
            channel: conversion
            checks:
              - kind: selector
                selector: a[href*="/demo"]
                expect: present
                message: No link to the demo.
            scoring:
              uplift: 0.05
              uplift_source: our own test in spring
              confidence: 0.5
              effort: 1
            pr:
              title: t
              why: w
              verify: v
            """);

        var (code, output, _) = await InvokeAsync("playbooks", "list", folder.FullName);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal(2, lines.Length);
        Assert.Equal(lines[0].IndexOf("stages", StringComparison.Ordinal), lines[1].IndexOf("decision", StringComparison.Ordinal));
        Assert.StartsWith(longId + "  decision", lines[1], StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FunnelOpsCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
