using System.Text.RegularExpressions;

namespace FunnelOps.Fixes;

/// <summary>
/// A configured mapping from URL paths to files: <c>url: /docs/{slug}/</c> with
/// <c>file: handbook/{slug}.md</c>. <c>{name}</c> stands for one path segment and <c>{*name}</c>
/// for one or more segments.
/// </summary>
public sealed partial class SourceRule
{
    private readonly Regex _url;

    /// <summary>Creates a rule; <paramref name="url"/> and <paramref name="file"/> use the same placeholders.</summary>
    /// <exception cref="ArgumentException">When the file names a placeholder the URL does not have.</exception>
    public SourceRule(string url, string file)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(file);
        Url = url;
        File = file;
        var names = new HashSet<string>(StringComparer.Ordinal);
        // Regex.Escape escapes "{" and "*", which the placeholders need as written.
        var escaped = Regex.Escape(url)
            .Replace(@"\{", "{", StringComparison.Ordinal)
            .Replace(@"{\*", "{*", StringComparison.Ordinal);
        var pattern = Placeholder().Replace(escaped, match =>
        {
            var name = match.Groups["name"].Value;
            names.Add(name);
            return match.Groups["rest"].Success ? $"(?<{name}>.+?)" : $"(?<{name}>[^/]+)";
        });
        foreach (Match used in Placeholder().Matches(file))
        {
            if (!names.Contains(used.Groups["name"].Value))
            {
                throw new ArgumentException(
                    $"The file pattern uses {{{used.Groups["name"].Value}}}, which the URL pattern does not have.", nameof(file));
            }
        }

        // A trailing slash is optional on both sides, like the sites that redirect one to the other.
        _url = new Regex("^" + pattern.TrimEnd('/') + "/?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The URL pattern as configured.</summary>
    public string Url { get; }

    /// <summary>The file pattern as configured.</summary>
    public string File { get; }

    /// <summary>The file for <paramref name="urlPath"/> (decoded), or null when the rule does not apply.</summary>
    public string? FileFor(string urlPath)
    {
        var match = _url.Match(urlPath);
        return match.Success
            ? Placeholder().Replace(File, m => match.Groups[m.Groups["name"].Value].Value)
            : null;
    }

    [GeneratedRegex(@"\{(?<rest>\*)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
