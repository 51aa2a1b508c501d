using System.Text;
using System.Text.RegularExpressions;

namespace FunnelOps.Playbooks;

/// <summary>
/// A URL path pattern: <c>*</c> matches within one path segment, <c>**</c> matches across
/// segments, everything else matches itself. <c>/blog/**</c> matches every blog URL.
/// </summary>
public sealed class UrlPattern
{
    private readonly Regex _regex;

    private UrlPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; it must start with <c>/</c>.</summary>
    /// <exception cref="FormatException">When the pattern is not a path pattern.</exception>
    public static UrlPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('/'))
        {
            throw new FormatException($"The URL pattern \"{text}\" must start with \"/\", for example \"/blog/**\".");
        }

        if (text.Contains("***", StringComparison.Ordinal) || text.Any(char.IsWhiteSpace))
        {
            throw new FormatException($"The URL pattern \"{text}\" has \"***\" or spaces; use \"*\" or \"**\".");
        }

        var builder = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
            }
            else if (text[i] == '*')
            {
                builder.Append("[^/]*");
            }
            else
            {
                builder.Append(Regex.Escape(text[i].ToString()));
            }
        }

        builder.Append('$');
        return new UrlPattern(text, new Regex(builder.ToString(),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>True when the path of <paramref name="url"/> matches.</summary>
    public bool IsMatch(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _regex.IsMatch(url.AbsolutePath);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
