using FunnelOps.Crawling;
using FunnelOps.Serving;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Finds the page that replaced the target of a broken link: the destination of a redirect rule
/// the repository declares for it, or else the one crawled page whose address or title clearly
/// matches the broken address's last segment. When no page is a clear match there is no
/// replacement: pointing a link at a guess is worse than leaving it for a person.
/// </summary>
internal static class BrokenLinkReplacement
{
    private const double Convincing = 0.8;
    private const double Margin = 0.15;
    private const int MaxRuleHops = 10;

    private static readonly HashSet<string> Filler = new(
        ["a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "with", "how", "html", "htm", "index"],
        StringComparer.Ordinal);

    /// <summary>
    /// For each broken link of <paramref name="page"/>: the href as written, what to write instead and
    /// why; and for each broken link without a replacement, the reason.
    /// </summary>
    public static (IReadOnlyList<(string Href, string Target, string Why)> Found, IReadOnlyList<string> Missing) For(
        PageSnapshot page, CrawlResult? crawl, IEnumerable<string> redirectRoots)
    {
        var found = new List<(string, string, string)>();
        var missing = new List<string>();
        if (crawl is null || page.Html is null)
        {
            return (found, ["The pages of the site are not known here, so no replacement could be looked for."]);
        }

        var rules = redirectRoots.Where(Directory.Exists).Select(RedirectRules.Load).ToList();
        foreach (var link in page.Html.Links.Where(l => l.Target is not null).DistinctBy(l => l.Href))
        {
            if (crawl.Find(link.Target!) is not { IsBroken: true } || link.Target!.Host != page.Url.Host)
            {
                continue;
            }

            var broken = link.Target.AbsolutePath;
            var replacement = FromRules(broken, rules, crawl, link.Target) ?? FromPages(broken, crawl, page);
            if (replacement is { } r)
            {
                var target = Uri.IsWellFormedUriString(link.Href, UriKind.Absolute)
                    ? new Uri(link.Target, r.Path).AbsoluteUri
                    : r.Path;
                found.Add((link.Href, target, r.Why));
            }
            else
            {
                missing.Add($"No page of the site clearly replaces {broken}: no redirect rule names it, and no " +
                    "crawled page's address or title matches it closely enough to point the link there unchecked.");
            }
        }

        return (found, missing);
    }

    private static (string Path, string Why)? FromRules(string broken, List<RedirectRules> rules, CrawlResult crawl, Uri at)
    {
        foreach (var set in rules)
        {
            var path = broken;
            var hops = 0;
            while (hops < MaxRuleHops && set.TryMatch(path, out var next, out _) && next.StartsWith('/'))
            {
                path = next;
                hops++;
            }

            if (hops > 0 && crawl.Find(new Uri(at, path)) is not { IsBroken: true })
            {
                return (path, $"the site's _redirects file sends {broken} to {path}");
            }
        }

        return null;
    }

    private static (string Path, string Why)? FromPages(string broken, CrawlResult crawl, PageSnapshot page)
    {
        var slug = LastSegment(broken);
        var words = Words(slug);
        if (slug.Length == 0)
        {
            return null;
        }

        var scored = crawl.Pages
            .Where(p => p.Url.Host == page.Url.Host && p.Url.AbsolutePath != broken)
            .Select(p => (Page: p, Score: Score(slug, words, broken, p)))
            .OrderByDescending(x => x.Score)
            .Take(2)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < Convincing ||
            (scored.Count > 1 && scored[0].Score - scored[1].Score < Margin))
        {
            return null;
        }

        var best = scored[0].Page;
        return (best.Url.PathAndQuery,
            $"{best.Url.AbsolutePath} (\"{best.Html?.Title}\") is the crawled page whose address and title best " +
            $"match the missing {broken}");
    }

    // How well a crawled page stands in for the broken address: its last segment spelled almost the
    // same (a typo, a renamed word), or the broken address's words all found in its address and title.
    private static double Score(string slug, HashSet<string> words, string broken, PageSnapshot candidate)
    {
        var other = LastSegment(candidate.Url.AbsolutePath);
        var spelling = other.Length == 0 ? 0 : 1.0 - (double)Distance(slug, other) / Math.Max(slug.Length, other.Length);
        var offered = Words(other);
        offered.UnionWith(Words(candidate.Html?.Title ?? ""));
        var overlap = words.Count < 2 ? 0 : (double)words.Count(offered.Contains) / words.Count;
        var sameFolder = Parent(broken) == Parent(candidate.Url.AbsolutePath) ? 0.05 : 0;
        return Math.Max(spelling, overlap) + sameFolder;
    }

    private static string LastSegment(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., var last]
            ? Path.GetFileNameWithoutExtension(last).ToLowerInvariant()
            : "";

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant()
            .Split([' ', '-', '_', '.', '/', '|', ':', ',', '—', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w))];

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
