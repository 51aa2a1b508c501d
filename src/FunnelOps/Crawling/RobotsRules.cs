using System.Text;
using System.Text.RegularExpressions;

namespace FunnelOps.Crawling;

/// <summary>
/// The rules of a robots.txt file that apply to FunnelOps: the group for <c>funnelops</c> when
/// there is one, otherwise the group for <c>*</c>. The longest matching rule wins; on a tie,
/// allow wins, as Google documents.
/// </summary>
public sealed class RobotsRules
{
    private const int MaxRules = 2_000;
    private readonly List<(string Pattern, Regex Matcher, bool Allow)> _rules;

    private RobotsRules(List<(string, Regex, bool)> rules)
    {
        _rules = rules;
    }

    /// <summary>Rules that allow everything, used when a site has no robots.txt.</summary>
    public static RobotsRules AllowAll { get; } = new([]);

    /// <summary>Reads robots.txt text; lines it does not understand are ignored, as crawlers do.</summary>
    public static RobotsRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new Dictionary<string, List<(string, Regex, bool)>>(StringComparer.OrdinalIgnoreCase);
        var currentAgents = new List<string>();
        var lastWasAgent = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (!lastWasAgent)
                {
                    currentAgents.Clear();
                }

                currentAgents.Add(value);
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (field is not ("allow" or "disallow") || value.Length == 0)
            {
                continue;
            }

            foreach (var agent in currentAgents)
            {
                if (!groups.TryGetValue(agent, out var rules))
                {
                    groups[agent] = rules = [];
                }

                if (rules.Count < MaxRules)
                {
                    rules.Add((value, ToRegex(value), field == "allow"));
                }
            }
        }

        if (groups.TryGetValue("funnelops", out var own))
        {
            return new RobotsRules(own);
        }

        return groups.TryGetValue("*", out var any) ? new RobotsRules(any) : AllowAll;
    }

    /// <summary>True when the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        var best = -1;
        var allowed = true;
        foreach (var (pattern, matcher, allow) in _rules)
        {
            if (!matcher.IsMatch(path))
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

    private static Regex ToRegex(string pattern)
    {
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

        return new Regex(builder.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }
}
