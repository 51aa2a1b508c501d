using System.Globalization;
using FunnelOps.Crawling;

namespace FunnelOps.Playbooks;

/// <summary>
/// The values of a page that <see cref="FieldCheck"/> reads, by name. Text fields are null when
/// the page has no such value; number fields are always present.
/// </summary>
public static class PageFields
{
    // Link texts that say nothing about where a link goes (Lighthouse's link-text audit).
    private static readonly HashSet<string> GenericLinkTexts = new(StringComparer.OrdinalIgnoreCase)
    {
        "click here", "click this", "here", "more", "read more", "learn more", "go", "start", "right here",
        "this", "link", "continue", "details", "more info", "more information",
    };

    /// <summary>Every text field.</summary>
    public static IReadOnlySet<string> TextFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "meta-description", "h1", "lang", "canonical", "canonical-target", "viewport", "robots",
        "content-type", "structured-data-types",
    };

    /// <summary>Every number field.</summary>
    public static IReadOnlySet<string> NumberFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "h1-count", "word-count", "status", "inlinks", "depth", "redirects", "bytes", "ttfb-ms",
        "images-without-alt", "images-without-size", "generic-link-texts", "uncrawlable-links",
        "structured-data-errors", "hreflang-count", "head-scripts-blocking", "forms",
    };

    /// <summary>True when <paramref name="name"/> is a field.</summary>
    public static bool IsKnown(string name) => TextFields.Contains(name) || NumberFields.Contains(name);

    /// <summary>The text value of <paramref name="field"/> on <paramref name="page"/>.</summary>
    public static string? Text(string field, PageSnapshot page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = page.Html;
        return field switch
        {
            "title" => html?.Title,
            "meta-description" => html?.MetaDescription,
            "h1" => html is { H1.Count: > 0 } ? html.H1[0] : null,
            "lang" => html?.Lang,
            "canonical" => html?.Canonical?.AbsoluteUri,
            "canonical-target" => html?.Canonical is not { } canonical ? "missing"
                : canonical == page.Url ? "self" : "other",
            "viewport" => html?.Viewport,
            "robots" => string.Join(", ", new[] { html?.RobotsMeta, page.RobotsHeader }.Where(v => !string.IsNullOrEmpty(v))),
            "content-type" => page.ContentType,
            "structured-data-types" => html is null ? null : string.Join(" ", html.StructuredData.SelectMany(b => b.Types)),
            _ => Number(field, page, null).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The number value of <paramref name="field"/>; <paramref name="crawl"/> supplies link-graph fields.</summary>
    public static double Number(string field, PageSnapshot page, CrawlResult? crawl)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = page.Html;
        return field switch
        {
            "h1-count" => html?.H1.Count ?? 0,
            "word-count" => html?.WordCount ?? 0,
            "status" => page.Status,
            "inlinks" => crawl?.InlinksOf(page.Url).Count ?? 0,
            "depth" => page.Depth,
            "redirects" => page.Redirects.Count,
            "bytes" => page.Bytes,
            "ttfb-ms" => page.TimeToFirstByte.TotalMilliseconds,
            "images-without-alt" => html?.Images.Count(i => i.Alt is null) ?? 0,
            "images-without-size" => html?.Images.Count(i => i.Width is null || i.Height is null) ?? 0,
            "generic-link-texts" => html?.Links.Count(l => GenericLinkTexts.Contains(l.Text.Trim(' ', '.', '→', '»'))) ?? 0,
            "uncrawlable-links" => html?.Links.Count(l => IsUncrawlable(l.Href)) ?? 0,
            "structured-data-errors" => html?.StructuredData.Count(b => b.Error is not null) ?? 0,
            "hreflang-count" => html?.Hreflang.Count ?? 0,
            "head-scripts-blocking" => html?.HeadScripts.Count(s => s.IsRenderBlocking) ?? 0,
            "forms" => html?.Forms.Count ?? 0,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown page field."),
        };
    }

    // Links search engines cannot follow (Lighthouse's crawlable-anchors audit).
    private static bool IsUncrawlable(string href)
    {
        var value = href.Trim();
        return value.Length == 0 || value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value == "#";
    }
}
