using System.Security.Cryptography;
using System.Text;

namespace FunnelOps.Rendering;

/// <summary>
/// The folder name for one page's screenshots: readable from the URL's path, safe as a file name
/// whatever the URL holds, and unique through a short hash of the whole URL.
/// </summary>
public static class ScreenshotFolder
{
    /// <summary>A name such as <c>features-roadmaps-1a2b3c4d</c>; the home page gives <c>home-…</c>.</summary>
    public static string For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var readable = new StringBuilder();
        foreach (var c in url.AbsolutePath.ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-';
            if (keep != '-' || (readable.Length > 0 && readable[^1] != '-'))
            {
                readable.Append(keep);
            }
        }

        var slug = readable.ToString().Trim('-');
        slug = slug.Length == 0 ? "home" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..8];
        return $"{slug}-{hash}";
    }
}
