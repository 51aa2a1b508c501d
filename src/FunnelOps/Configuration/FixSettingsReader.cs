using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Verification;

namespace FunnelOps.Configuration;

/// <summary>
/// Reads the <c>fixes:</c> block of the configuration: protected paths, the largest diff, explicit
/// URL-to-file patterns and the site's build.
/// </summary>
internal static class FixSettingsReader
{
    /// <summary>The settings in <paramref name="map"/>, or the defaults when the block is absent.</summary>
    public static FixSettings Read(YamlMap? map)
    {
        if (map is null)
        {
            return FixSettings.Default;
        }

        var maxLines = (int?)map.Number("max_changed_lines", 1, 100_000, required: false);
        var protectedPaths = new List<string>();
        foreach (var (value, node) in map.StringList("protected_paths"))
        {
            if (value.Split('/', '\\').Contains(".."))
            {
                map.Error(node, $"The protected path \"{value}\" uses \"..\"; write paths inside the repository.");
                continue;
            }

            protectedPaths.Add(value);
        }

        var settings = new FixSettings
        {
            MaxChangedLines = maxLines ?? FixSettings.Default.MaxChangedLines,
            ProtectedPaths = protectedPaths,
            Sources = ReadSources(map),
            Build = ReadBuild(map.Map("build", required: false)),
        };
        map.RejectUnknownKeys();
        return settings;
    }

    private static List<SourceRule> ReadSources(YamlMap map)
    {
        var rules = new List<SourceRule>();
        foreach (var source in map.MapList("sources", required: false))
        {
            var url = source.String("url");
            var file = source.String("file");
            source.RejectUnknownKeys();
            if (url is null || file is null)
            {
                continue;
            }

            if (!url.StartsWith('/'))
            {
                source.Error(source.Get("url", false), $"The URL pattern \"{url}\" must start with /, such as /docs/{{slug}}/.");
                continue;
            }

            if (file.StartsWith('/') || file.Split('/', '\\').Contains(".."))
            {
                source.Error(source.Get("file", false),
                    $"The file pattern \"{file}\" must be a path inside the repository, without a leading / or \"..\".");
                continue;
            }

            try
            {
                rules.Add(new SourceRule(url, file));
            }
            catch (ArgumentException exception)
            {
                source.Error(source.Get("file", false), exception.Message.Split(" (Parameter", 2)[0]);
            }
        }

        return rules;
    }

    private static SiteBuild? ReadBuild(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var command = map.String("command");
        var output = map.String("output");
        var timeout = map.Number("timeout_seconds", 1, 3_600, required: false) ?? 300;
        map.RejectUnknownKeys();
        if (output is not null && (output.StartsWith('/') || output.Split('/', '\\').Contains("..")))
        {
            map.Error(map.Get("output", false),
                $"The build output \"{output}\" must be a folder inside the repository, such as public.");
            return null;
        }

        return command is null || output is null ? null : new SiteBuild(command, output.Trim('/'), TimeSpan.FromSeconds(timeout));
    }
}
