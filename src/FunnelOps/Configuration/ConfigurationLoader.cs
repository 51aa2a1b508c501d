using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunnelOps.Configuration;

/// <summary>
/// Reads <c>.funnelops/config.yml</c>. Every problem is reported at once with its line and
/// column; an absent file means the defaults.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>Where the file lives inside the site repository.</summary>
    public const string RelativePath = ".funnelops/config.yml";

    /// <summary>Reads the configuration of the repository at <paramref name="repositoryRoot"/>, or the defaults.</summary>
    /// <exception cref="ConfigurationException">With every problem found, when the file is invalid.</exception>
    public static SiteConfiguration LoadFromRepository(string? repositoryRoot)
    {
        var path = repositoryRoot is null ? null : Path.Combine(repositoryRoot, RelativePath);
        return path is not null && File.Exists(path) ? Load(path, File.ReadAllText(path)) : SiteConfiguration.Default;
    }

    /// <summary>Parses configuration text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">With every problem found, when the text is invalid.</exception>
    public static SiteConfiguration Load(string file, string text)
    {
        var errors = new List<PlaybookError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new ConfigurationException([new PlaybookError(file, (int)exception.Start.Line,
                (int)exception.Start.Column, $"This is not valid YAML: {exception.Message}")]);
        }

        if (stream.Documents.Count == 0)
        {
            return SiteConfiguration.Default;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException([new PlaybookError(file, 0, 0, "The configuration must be a set of fields.")]);
        }

        var map = new YamlMap(root, file, "", errors);
        var configuration = new SiteConfiguration
        {
            Economics = ReadEconomics(map.Map("economics", required: false)),
            StageRules = ReadStageRules(map),
            TimeZone = ReadTimeZone(map),
            Fixes = FixSettingsReader.Read(map.Map("fixes", required: false)),
            Signals = SignalSettingsReader.Read(map, file),
            Render = RenderSettingsReader.Read(map.Map("render", required: false)),
            GitHub = GitHubSettingsReader.Read(map.Map("github", required: false)),
        };
        if (map.Map("crawl", required: false) is { } crawl)
        {
            configuration = configuration with
            {
                MaxPages = (int?)crawl.Number("max_pages", 1, 1_000_000, required: false),
                Crawl = ReadCrawl(crawl),
            };
        }

        map.RejectUnknownKeys();
        return errors.Count == 0 ? configuration : throw new ConfigurationException(errors);
    }

    private static Func<CrawlOptions, CrawlOptions> ReadCrawl(YamlMap map)
    {
        var maxDepth = (int?)map.Number("max_depth", 0, 1_000, required: false);
        var concurrency = (int?)map.Number("concurrency", 1, 64, required: false);
        var perHost = (int?)map.Number("per_host_concurrency", 1, 64, required: false);
        var include = map.PatternList("include");
        var exclude = map.PatternList("exclude");
        var hosts = map.StringList("extra_hosts").Select(h => h.Value).ToList();
        var startUrls = map.StringList("start_urls").Select(u => u.Value).ToList();
        var ignored = map.Get("ignored_query_parameters", false) is null
            ? null
            : map.StringList("ignored_query_parameters").Select(p => p.Value).ToList();
        var slash = map.String("trailing_slash", required: false) switch
        {
            null => (TrailingSlash?)null,
            "keep" => TrailingSlash.Keep,
            "add" => TrailingSlash.Add,
            "remove" => TrailingSlash.Remove,
            var other => Invalid(map, "trailing_slash", $"\"{other}\" is not a trailing-slash policy; use keep, add or remove."),
        };
        var caps = new List<KeyValuePair<UrlPattern, int>>();
        foreach (var cap in map.MapList("caps", required: false))
        {
            var pattern = cap.String("pattern");
            var max = (int?)cap.Number("max", 0, 1_000_000);
            cap.RejectUnknownKeys();
            if (pattern is not null && max is not null && cap.Pattern(cap.Get("pattern", false), pattern) is { } parsed)
            {
                caps.Add(new(parsed, max.Value));
            }
        }

        map.RejectUnknownKeys();
        return options => options with
        {
            MaxDepth = maxDepth ?? options.MaxDepth,
            Concurrency = concurrency ?? options.Concurrency,
            PerHostConcurrency = perHost ?? options.PerHostConcurrency,
            Include = include.Count > 0 ? include : options.Include,
            Exclude = exclude.Count > 0 ? exclude : options.Exclude,
            ExtraHosts = hosts.Count > 0 ? hosts : options.ExtraHosts,
            ExtraStartUrls = startUrls.Count > 0
                ? [.. startUrls.Select(u => new Uri(options.StartUrl, u))]
                : options.ExtraStartUrls,
            IgnoredQueryParameters = ignored ?? options.IgnoredQueryParameters,
            TrailingSlash = slash ?? options.TrailingSlash,
            PatternCaps = caps.Count > 0 ? caps : options.PatternCaps,
        };
    }

    private static TrailingSlash? Invalid(YamlMap map, string key, string message)
    {
        map.Error(map.Get(key, false), message);
        return null;
    }

    private static Economics ReadEconomics(YamlMap? map)
    {
        var defaults = new Economics();
        if (map is null)
        {
            return defaults;
        }

        var economics = new Economics
        {
            Currency = map.String("currency", required: false) ?? defaults.Currency,
            AverageContractValue = map.Number("average_contract_value", 0, 1e9, required: false) ?? defaults.AverageContractValue,
            VisitorToLead = map.Number("visitor_to_lead", 0, 1, required: false) ?? defaults.VisitorToLead,
            LeadToMql = map.Number("lead_to_mql", 0, 1, required: false) ?? defaults.LeadToMql,
            MqlToSql = map.Number("mql_to_sql", 0, 1, required: false) ?? defaults.MqlToSql,
            EstimatedWeeklyVisits = map.Number("weekly_visits", 0, 1e9, required: false) ?? defaults.EstimatedWeeklyVisits,
        };
        map.RejectUnknownKeys();
        return economics;
    }

    private static List<StageRule> ReadStageRules(YamlMap map)
    {
        var rules = new List<StageRule>();
        foreach (var rule in map.MapList("stages", required: false))
        {
            var pattern = rule.String("pattern");
            var stageName = rule.String("stage");
            rule.RejectUnknownKeys();
            if (pattern is null || stageName is null)
            {
                continue;
            }

            if (!StageNames.TryParse(stageName, out var stage))
            {
                rule.Error(rule.Get("stage", false),
                    $"Unknown stage \"{stageName}\". Use awareness, consideration, decision or retention.");
                continue;
            }

            if (rule.Pattern(rule.Get("pattern", false), pattern) is not null)
            {
                rules.Add(new StageRule { Pattern = pattern, Stage = stage });
            }
        }

        return rules;
    }

    private static TimeZoneInfo ReadTimeZone(YamlMap map)
    {
        var name = map.String("time_zone", required: false);
        if (name is null)
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException)
        {
            map.Error(map.Get("time_zone", false), $"Unknown time zone \"{name}\". Use an IANA name such as Europe/Berlin.");
            return TimeZoneInfo.Utc;
        }
    }
}
