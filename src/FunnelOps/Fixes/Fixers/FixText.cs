using AngleSharp.Dom;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>Small text helpers the fixers share: element text, escaping and fix parameters.</summary>
internal static class FixText
{
    /// <summary>The text of <paramref name="element"/> with white space collapsed, as the crawl reads it.</summary>
    public static string Of(IElement element) => PageParser.Collapse(element.TextContent);

    /// <summary>Escapes text for the content of an element such as <c>&lt;title&gt;</c> or <c>&lt;a&gt;</c>.</summary>
    public static string EscapeContent(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The playbook's fix parameter <paramref name="name"/>, trimmed; null when absent or blank.</summary>
    public static string? Parameter(Finding finding, string name) =>
        finding.Playbook.Fix?.Parameters.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>The quote for a new attribute of <paramref name="tag"/>: the tag's own, else the document's.</summary>
    public static char QuoteFor(StartTag tag, HtmlSource source) =>
        tag.Attributes.FirstOrDefault(a => a.Quote is '"' or '\'')?.Quote ?? source.PreferredQuote;

    /// <summary>
    /// <paramref name="text"/> cut after the last whole word that fits in <paramref name="max"/>
    /// characters, with <paramref name="ending"/> (such as an ellipsis) after it.
    /// </summary>
    public static string CutAtWord(string text, int max, string ending = "")
    {
        if (text.Length <= max)
        {
            return text;
        }

        var room = max - ending.Length;
        var cut = text.LastIndexOf(' ', room);
        var kept = cut > 0 ? text[..cut] : text[..room];
        return kept.TrimEnd(' ', ',', ';', ':', '-', '|', '—', '–', '·') + ending;
    }

    /// <summary>
    /// Declines copy for front matter that holds markup characters: many layouts print front-matter values without
    /// escaping them (Liquid does by default), so <c>&lt;img onerror=…&gt;</c> read from a page would become markup.
    /// </summary>
    public static FixerResult? RefuseMarkupInFrontMatter(string copy) =>
        copy.AsSpan().IndexOfAny('<', '>', '&') >= 0
            ? FixerResult.Declined("The copy FunnelOps would take from the page holds <, > or &, which a site layout may " +
                "print as markup; write this value by hand.")
            : null;
}
