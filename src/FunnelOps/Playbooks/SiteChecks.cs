using System.Text.RegularExpressions;
using FunnelOps.Crawling;

namespace FunnelOps.Playbooks;

/// <summary>
/// The checks that look past one page: the sitemap, robots.txt and language alternates. Each
/// returns one sentence per problem, bounded, with the URLs involved.
/// </summary>
internal static partial class SiteChecks
{
    private const int MaxListed = 10;

    /// <summary>Sitemap entries that a search engine could not index.</summary>
    public static List<string> Sitemap(CrawlResult crawl, SitemapCheck check)
    {
        var problems = new List<(string Url, string Why)>();
        foreach (var entry in crawl.Snapshots.Where(s => s.InSitemap))
        {
            var why = entry switch
            {
                { Outcome: FetchOutcome.BlockedByRobots } when check.Blocked => "is blocked by robots.txt",
                { Outcome: FetchOutcome.BlockedByRobots } => null,
                { Redirects.Count: > 0 } when check.Redirects => $"redirects to {entry.FinalUrl.AbsolutePath}",
                { Status: 0 } when check.Errors => "does not answer",
                { Status: >= 400 } when check.Errors => $"answers {entry.Status}",
                { Html: { } html } when check.NonIndexable && IsNoindex(html.RobotsMeta, entry.RobotsHeader) => "is marked noindex",
                { Html.Canonical: { } canonical } when check.NonIndexable && canonical != entry.Url =>
                    $"names {canonical.AbsolutePath} as its canonical version",
                _ => null,
            };
            if (why is not null)
            {
                problems.Add((entry.Url.AbsolutePath, why));
            }
        }

        if (check.Blocked)
        {
            problems.AddRange(crawl.SitemapBlocked
                .Where(url => !crawl.Snapshots.Any(s => s.InSitemap && s.Url == url))
                .Select(url => (url.AbsolutePath, "is blocked by robots.txt")));
        }

        if (problems.Count == 0)
        {
            return [];
        }

        problems.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        var listed = string.Join("; ", problems.Take(MaxListed).Select(p => $"{p.Url} {p.Why}"));
        var more = problems.Count > MaxListed ? $" and {problems.Count - MaxListed} more" : "";
        return [$"The sitemap lists {problems.Count} address(es) search engines cannot index: {listed}{more}."];
    }

    /// <summary>robots.txt lines search engines cannot use, and pages it blocks although the site points to them.</summary>
    public static List<string> Robots(CrawlResult crawl, RobotsTxtCheck check)
    {
        var evidence = new List<string>();
        if (check.Valid && crawl.Robots.Problems.Count > 0)
        {
            evidence.Add($"robots.txt has {crawl.Robots.Problems.Count} line(s) search engines cannot use: " +
                string.Join("; ", crawl.Robots.Problems.Take(MaxListed)) + ".");
        }

        if (check.BlocksPages)
        {
            var blocked = crawl.Snapshots
                .Where(s => s.Outcome == FetchOutcome.BlockedByRobots && s.Kind == PageKind.Document &&
                    (s.InSitemap || crawl.InlinksOf(s.Url).Count > 0))
                .Select(s => s.Url.AbsolutePath)
                .ToList();
            if (blocked.Count > 0)
            {
                evidence.Add($"robots.txt blocks {blocked.Count} page(s) the site links to or lists in its sitemap, " +
                    $"so search engines cannot read them: {string.Join(", ", blocked.Take(MaxListed))}.");
            }
        }

        return evidence;
    }

    /// <summary>Language alternates with an invalid code, a relative or broken address, or no link back.</summary>
    public static List<string> Hreflang(CrawlResult crawl, HreflangCheck check, PageSnapshot page)
    {
        var evidence = new List<string>();
        var alternates = page.Html!.Hreflang;
        foreach (var link in alternates.Take(50))
        {
            var code = link.Language.Length > 40 ? link.Language[..40] + "…" : link.Language;
            if (!IsValidLanguage(link.Language))
            {
                evidence.Add($"\"{code}\" is not a language code search engines accept (use, for example, en, en-GB or x-default).");
            }
            else if (link.Relative)
            {
                evidence.Add($"The alternate for \"{code}\" uses a relative address; hreflang needs the full address, starting with https://.");
            }
            else if (crawl.Find(link.Url) is { } target && target.Outcome != FetchOutcome.BlockedByRobots)
            {
                if (target.IsBroken || target.Redirects.Count > 0)
                {
                    var what = target.IsBroken ? target.Status == 0 ? "does not answer" : $"answers {target.Status}" : "redirects";
                    evidence.Add($"The alternate for \"{code}\" ({link.Url.AbsolutePath}) {what}.");
                }
                else if (check.ReturnLinks && target.Url != page.Url && target.Html is { } other &&
                    !other.Hreflang.Any(back => back.Url == page.Url))
                {
                    evidence.Add($"The alternate for \"{code}\" ({link.Url.AbsolutePath}) does not link back to this page.");
                }
            }
        }

        return evidence;
    }

    /// <summary>True for <c>x-default</c> and for a BCP 47 language with an optional script and region.</summary>
    public static bool IsValidLanguage(string value) =>
        value.Equals("x-default", StringComparison.OrdinalIgnoreCase) || LanguageTag().IsMatch(value);

    private static bool IsNoindex(string? meta, string? header) =>
        (meta ?? "").Contains("noindex", StringComparison.OrdinalIgnoreCase) ||
        (header ?? "").Contains("noindex", StringComparison.OrdinalIgnoreCase);

    // language (2-3 letters), optional script (4 letters), optional region (2 letters or 3 digits).
    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
