using System.Text;

namespace FunnelOps.Crawling;

/// <summary>
/// Gives every URL one spelling, so a page reached by several is read once: no fragment, lower-case
/// scheme and host, no default port, percent-escapes in upper case with unreserved characters
/// decoded, spaces and non-ASCII characters escaped, tracking parameters removed and the trailing
/// slash handled by policy.
/// </summary>
public sealed class UrlNormalizer
{
    /// <summary>Query parameters that only track campaigns; a <c>*</c> at the end matches any suffix.</summary>
    public static IReadOnlyList<string> DefaultIgnoredParameters { get; } =
        ["utm_*", "gclid", "gbraid", "wbraid", "fbclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "hsa_*"];

    private readonly IReadOnlyList<string> _ignored;
    private readonly TrailingSlash _trailingSlash;

    /// <summary>
    /// Creates a normalizer that drops <paramref name="ignoredParameters"/> and applies <paramref name="trailingSlash"/>.
    /// </summary>
    public UrlNormalizer(IReadOnlyList<string>? ignoredParameters = null, TrailingSlash trailingSlash = TrailingSlash.Keep)
    {
        _ignored = ignoredParameters ?? DefaultIgnoredParameters;
        _trailingSlash = trailingSlash;
    }

    /// <summary>The normalizer with the default settings.</summary>
    public static UrlNormalizer Default { get; } = new();

    /// <summary>
    /// Resolves <paramref name="href"/> against <paramref name="baseUrl"/> and normalises it; null for non-HTTP links.
    /// </summary>
    public Uri? Resolve(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Length > 2048)
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, href.Trim(), out var resolved))
        {
            return null;
        }

        return resolved.Scheme is "http" or "https" ? Normalize(resolved) : null;
    }

    /// <summary>The one spelling of <paramref name="url"/>.</summary>
    public Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = new UriBuilder(url)
        {
            Fragment = "",
            Path = NormalizePath(url.AbsolutePath),
            Query = FilterQuery(url.Query),
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }

    private string NormalizePath(string path)
    {
        var normalized = NormalizeEscapes(path.Length == 0 ? "/" : path);
        var lastSegment = normalized[(normalized.LastIndexOf('/') + 1)..];
        var looksLikeFile = lastSegment.Contains('.', StringComparison.Ordinal);
        return _trailingSlash switch
        {
            TrailingSlash.Add when !normalized.EndsWith('/') && !looksLikeFile => normalized + "/",
            TrailingSlash.Remove when normalized.Length > 1 && normalized.EndsWith('/') => normalized.TrimEnd('/'),
            _ => normalized,
        };
    }

    private string FilterQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsIgnored(Uri.UnescapeDataString(pair.Split('=', 2)[0])))
            .Select(NormalizeEscapes);
        return string.Join('&', kept);
    }

    private bool IsIgnored(string name) => _ignored.Any(pattern => pattern.EndsWith('*')
        ? name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : name.Equals(pattern, StringComparison.OrdinalIgnoreCase));

    /// <summary>Upper-cases percent-escapes and decodes those of unreserved characters (RFC 3986, 6.2.2).</summary>
    internal static string NormalizeEscapes(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                var value = (char)Convert.ToInt32(text.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                {
                    builder.Append(value);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                }

                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
