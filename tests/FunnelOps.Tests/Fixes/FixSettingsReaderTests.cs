using FunnelOps.Configuration;
using FunnelOps.Fixes;

namespace FunnelOps.Tests.Fixes;

/// <summary>The <c>fixes:</c> block of <c>.funnelops/config.yml</c>.</summary>
public sealed class FixSettingsReaderTests
{
    [Fact]
    public void A_complete_block_sets_protected_paths_the_diff_limit_source_patterns_and_the_build()
    {
        var settings = ConfigurationLoader.Load("config.yml", """
            fixes:
              max_changed_lines: 30
              protected_paths: [legal/**, "*.njk"]
              sources:
                - url: /docs/{slug}/
                  file: handbook/{slug}.md
                - url: /guides/{*path}
                  file: content/guides/{path}.md
              build:
                command: hugo --minify
                output: public/
                timeout_seconds: 120
            """).Fixes;

        Assert.Equal(30, settings.MaxChangedLines);
        Assert.Equal(["legal/**", "*.njk"], settings.ProtectedPaths);
        Assert.Equal("handbook/getting-started.md", settings.Sources[0].FileFor("/docs/getting-started/"));
        Assert.Equal("content/guides/teams/sprints.md", settings.Sources[1].FileFor("/guides/teams/sprints"));
        Assert.Null(settings.Sources[0].FileFor("/docs/a/b/"));
        Assert.Equal(new FunnelOps.Verification.SiteBuild("hugo --minify", "public", TimeSpan.FromSeconds(120)), settings.Build);
    }

    [Fact]
    public void Without_the_block_the_defaults_apply()
    {
        var settings = ConfigurationLoader.Load("config.yml", "time_zone: UTC\n").Fixes;

        Assert.Same(FixSettings.Default, settings);
        Assert.Equal(80, settings.MaxChangedLines);
        Assert.Null(settings.Build);
    }

    [Fact]
    public void Paths_that_leave_the_repository_and_unknown_placeholders_are_reported_with_their_line()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load("config.yml", """
            fixes:
              protected_paths: [../secrets/**]
              sources:
                - url: docs/{slug}/
                  file: handbook/{slug}.md
                - url: /docs/{slug}/
                  file: ../elsewhere/{slug}.md
                - url: /docs/{slug}/
                  file: handbook/{name}.md
              build:
                command: hugo
                output: ../public
            """));

        var messages = exception.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("config.yml:2:", StringComparison.Ordinal) &&
            m.Contains("The protected path \"../secrets/**\" uses \"..\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:4:", StringComparison.Ordinal) &&
            m.Contains("must start with /", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:7:", StringComparison.Ordinal) &&
            m.Contains("must be a path inside the repository", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:9:", StringComparison.Ordinal) &&
            m.Contains("The file pattern uses {name}, which the URL pattern does not have.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:12:", StringComparison.Ordinal) &&
            m.Contains("must be a folder inside the repository", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
    }
}
