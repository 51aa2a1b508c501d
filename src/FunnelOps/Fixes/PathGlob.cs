using System.Text;
using System.Text.RegularExpressions;

namespace FunnelOps.Fixes;

/// <summary>
/// A path pattern for files of the repository: <c>*</c> matches within one folder, <c>**</c>
/// across folders, <c>?</c> one character. A pattern ending in <c>/</c> covers everything below it.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public PathGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var text = pattern.Replace('\\', '/').TrimStart('/');
        if (text.EndsWith('/'))
        {
            text += "**";
        }

        var builder = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                // "a/**/b" also matches "a/b".
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                builder.Append(text[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        _regex = new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>True when <paramref name="relativePath"/> (forward slashes) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
