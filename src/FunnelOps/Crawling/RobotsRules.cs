using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FunnelOps.Crawling;

/// <summary>
/// The rules of a robots.txt file that apply to FunnelOps: the group for <c>funnelops</c> when
/// there is one, otherwise the group for <c>*</c>. The longest matching rule wins; on a tie,
/// allow wins, as Google documents. Also keeps the file's sitemap lines and the group's
/// crawl-delay.
/// </summary>
public sealed class RobotsRules
{
    /// <summary>The user agent token FunnelOps answers to in robots.txt.</summary>
    public const string UserAgentToken = "funnelops";

    private const int MaxRules = 2_000;
    private const int MaxSitemaps = 50;
    private const int MaxProblems = 20;
    private static readonly HashSet<string> KnownFields = new(
        ["user-agent", "allow", "disallow", "sitemap", "crawl-delay", "host", "clean-param", "request-rate",
            "visit-time", "noindex", "content-signal"],
        StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyList<(string Pattern, Regex Matcher, bool Allow)> _rules;

    private RobotsRules(IReadOnlyList<(string, Regex, bool)> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps,
        IReadOnlyList<string> problems)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
        Problems = problems;
    }

    /// <summary>Rules that allow everything, used when a site has no robots.txt.</summary>
    public static RobotsRules AllowAll { get; } = new([], null, [], []);

    /// <summary>
    /// Lines search engines cannot use, each as "line N: what is wrong" (bounded): unknown
    /// directives, rules before any user-agent, patterns that do not start with / or *, a
    /// sitemap that is not a full address, a crawl-delay that is not a number.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The pause between requests the applicable group asks for, when it does.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>The sitemap addresses the file names, as written.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Reads robots.txt text; lines it does not understand are ignored, as crawlers do.</summary>
    public static RobotsRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        var current = new List<Group>();
        var sitemaps = new List<string>();
        var problems = new List<string>();
        var lastWasAgent = false;
        var lineNumber = 0;

        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                if (line.Length > 0)
                {
                    Report(problems, lineNumber, $"\"{Shorten(line)}\" is not a \"field: value\" line");
                }

                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            CheckLine(problems, lineNumber, field, value, hasAgent: current.Count > 0);
            switch (field)
            {
                case "user-agent":
                    if (!lastWasAgent)
                    {
                        current.Clear();
                    }

                    if (!groups.TryGetValue(value, out var group))
                    {
                        groups[value] = group = new Group();
                    }

                    current.Add(group);
                    lastWasAgent = true;
                    continue;
                case "sitemap" when value.Length > 0 && sitemaps.Count < MaxSitemaps:
                    sitemaps.Add(value);
                    break;
                case "crawl-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    && seconds is >= 0 and < 86_400:
                    current.ForEach(g => g.CrawlDelay = TimeSpan.FromSeconds(seconds));
                    break;
                case "allow" or "disallow" when value.Length > 0:
                    // An empty "Disallow:" allows everything: the group exists, with no rule.
                    current.Where(g => g.Rules.Count < MaxRules).ToList()
                        .ForEach(g => g.Rules.Add((EncodePattern(value), ToRegex(value), field == "allow")));
                    break;
            }

            lastWasAgent = false;
        }

        var applicable = groups.GetValueOrDefault(UserAgentToken) ?? groups.GetValueOrDefault("*");
        return new RobotsRules(applicable?.Rules ?? [], applicable?.CrawlDelay, sitemaps, problems);
    }

    private static void CheckLine(List<string> problems, int line, string field, string value, bool hasAgent)
    {
        if (!KnownFields.Contains(field))
        {
            Report(problems, line, $"\"{Shorten(field)}\" is not a robots.txt directive");
        }
        else if (field is "allow" or "disallow" && !hasAgent)
        {
            Report(problems, line, $"\"{field}\" comes before any user-agent line, so no crawler applies it");
        }
        else if (field is "allow" or "disallow" && value.Length > 0 && value[0] is not ('/' or '*'))
        {
            Report(problems, line, $"the pattern \"{Shorten(value)}\" must start with / or *");
        }
        else if (field == "sitemap" && !(Uri.TryCreate(value, UriKind.Absolute, out var sitemap) &&
            (sitemap.Scheme == Uri.UriSchemeHttp || sitemap.Scheme == Uri.UriSchemeHttps)))
        {
            Report(problems, line, $"the sitemap \"{Shorten(value)}\" is not a full http(s) address");
        }
        else if (field == "crawl-delay" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            Report(problems, line, $"the crawl-delay \"{Shorten(value)}\" is not a number of seconds");
        }
        else if (field == "user-agent" && value.Length == 0)
        {
            Report(problems, line, "the user-agent line names no crawler");
        }
    }

    private static void Report(List<string> problems, int line, string problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add($"line {line.ToString(CultureInfo.InvariantCulture)}: {problem}");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>True when the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        if (path == "/robots.txt")
        {
            return true;
        }

        var best = -1;
        var allowed = true;
        foreach (var (pattern, matcher, allow) in _rules)
        {
            if (!Matches(matcher, path))
            {
                continue;
            }

            if (pattern.Length > best || (pattern.Length == best && allow))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    // Rules are matched without backtracking, so even a pathological pattern is checked in linear time.
    private static bool Matches(Regex matcher, string path) => matcher.IsMatch(path);

    private static Regex ToRegex(string written)
    {
        // Rules may be written with non-ASCII characters; URLs carry them percent-encoded (RFC 9309, 2.2.2).
        var pattern = EncodePattern(written);
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                builder.Append(".*");
            }
            else if (c == '$' && i == pattern.Length - 1)
            {
                builder.Append('$');
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    private static string EncodePattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c > 127 || c == ' ')
            {
                var bytes = Encoding.UTF8.GetBytes(char.IsHighSurrogate(c) && i + 1 < pattern.Length
                    ? pattern.Substring(i++, 2)
                    : c.ToString());
                foreach (var b in bytes)
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else if (c == '%' && i + 2 < pattern.Length && Uri.IsHexDigit(pattern[i + 1]) && Uri.IsHexDigit(pattern[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(pattern[i + 1])).Append(char.ToUpperInvariant(pattern[i + 2]));
                i += 2;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class Group
    {
        public List<(string, Regex, bool)> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }
}
