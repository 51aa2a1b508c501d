namespace FunnelOps.Serving;

/// <summary>
/// Redirects declared in a <c>_redirects</c> file at the site root, one rule per line:
/// <c>FROM TO [STATUS]</c>, the format static hosts such as Netlify and Cloudflare Pages read.
/// </summary>
public sealed class RedirectRules
{
    private readonly Dictionary<string, (string Target, int Status)> _rules;

    private RedirectRules(Dictionary<string, (string, int)> rules)
    {
        _rules = rules;
    }

    /// <summary>No redirects.</summary>
    public static RedirectRules None { get; } = new([]);

    /// <summary>Reads <c>_redirects</c> in <paramref name="root"/> when it exists.</summary>
    public static RedirectRules Load(string root)
    {
        var path = Path.Combine(root, "_redirects");
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : None;
    }

    /// <summary>Reads the text of a <c>_redirects</c> file; comment and malformed lines are skipped.</summary>
    public static RedirectRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#'))
            {
                continue;
            }

            var status = parts.Length > 2 && int.TryParse(parts[2], out var code) && code is >= 300 and < 400
                ? code
                : 301;
            rules.TryAdd(parts[0], (parts[1], status));
        }

        return new RedirectRules(rules);
    }

    /// <summary>The redirect for <paramref name="path"/>, matched with and without a trailing slash.</summary>
    public bool TryMatch(string path, out string target, out int status)
    {
        if (_rules.TryGetValue(path, out var rule) || _rules.TryGetValue(path.TrimEnd('/'), out rule) ||
            _rules.TryGetValue(path + "/", out rule))
        {
            (target, status) = rule;
            return true;
        }

        (target, status) = ("", 0);
        return false;
    }
}
