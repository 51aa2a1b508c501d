using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Classification;

/// <summary>
/// Gives every page a funnel stage: configured rules first, then what the URL says, then what
/// the title and headings say. Pages with no clue are awareness pages.
/// </summary>
public sealed class StageClassifier
{
    // Ordered: the first keyword found decides. Decision words come first because a pricing
    // page often mentions features, while a feature page rarely has "pricing" in its URL.
    private static readonly (string Keyword, Stage Stage)[] UrlKeywords =
    [
        ("pricing", Stage.Decision), ("plans", Stage.Decision), ("demo", Stage.Decision),
        ("contact-sales", Stage.Decision), ("security", Stage.Decision), ("trial", Stage.Decision),
        ("signup", Stage.Decision), ("quote", Stage.Decision),
        ("changelog", Stage.Retention), ("release-notes", Stage.Retention), ("webinar", Stage.Retention),
        ("newsletter", Stage.Retention), ("docs", Stage.Retention), ("help", Stage.Retention),
        ("community", Stage.Retention), ("academy", Stage.Retention),
        ("compare", Stage.Consideration), ("-vs-", Stage.Consideration), ("alternative", Stage.Consideration),
        ("roi", Stage.Consideration), ("customers", Stage.Consideration), ("case-stud", Stage.Consideration),
        ("features", Stage.Consideration), ("product", Stage.Consideration), ("integrations", Stage.Consideration),
        ("resources", Stage.Consideration), ("guide", Stage.Consideration),
        ("about", Stage.Consideration), ("why-", Stage.Consideration), ("solutions", Stage.Consideration),
        ("blog", Stage.Awareness), ("articles", Stage.Awareness), ("learn", Stage.Awareness),
    ];

    private static readonly (string Keyword, Stage Stage)[] TitleKeywords =
    [
        ("pricing", Stage.Decision), ("book a demo", Stage.Decision), ("request a demo", Stage.Decision),
        ("changelog", Stage.Retention), ("what's new", Stage.Retention), ("webinar", Stage.Retention),
        (" vs ", Stage.Consideration), ("case study", Stage.Consideration), ("roi", Stage.Consideration),
    ];

    private readonly IReadOnlyList<(UrlPattern Pattern, Stage Stage)> _rules;

    /// <summary>Creates a classifier that applies <paramref name="rules"/> before its heuristics.</summary>
    public StageClassifier(IEnumerable<StageRule> rules)
    {
        _rules = [.. rules.Select(rule => (UrlPattern.Parse(rule.Pattern), rule.Stage))];
    }

    /// <summary>The stage of <paramref name="page"/> and the reason for it.</summary>
    public PageStage Classify(PageSnapshot page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = page.Url.AbsolutePath.ToLowerInvariant();
        foreach (var (pattern, stage) in _rules)
        {
            if (pattern.IsMatch(page.Url))
            {
                return new PageStage(page.Url, stage, $"configured rule {pattern}");
            }
        }

        // The first path segment names the section (/blog/, /pricing/) and outranks words deeper
        // in the path: /blog/pricing-strategies/ is an awareness page.
        var section = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        foreach (var text in (string[])[section, path])
        {
            foreach (var (keyword, stage) in UrlKeywords)
            {
                if (text.Contains(keyword, StringComparison.Ordinal))
                {
                    return new PageStage(page.Url, stage, $"URL contains \"{keyword}\"");
                }
            }
        }

        var title = $" {page.Html?.Title} {string.Join(' ', page.Html?.H1 ?? [])} ".ToLowerInvariant();
        foreach (var (keyword, stage) in TitleKeywords)
        {
            if (title.Contains(keyword, StringComparison.Ordinal))
            {
                return new PageStage(page.Url, stage, $"title or heading mentions \"{keyword.Trim()}\"");
            }
        }

        return new PageStage(page.Url, Stage.Awareness, path == "/" ? "home page" : "no stage clue; awareness by default");
    }
}
