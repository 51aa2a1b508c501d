using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Rewrites a meta description that is too short, too long or shared with other pages, from the
/// page's own opening copy: whole sentences up to 155 characters. Each page gets its own text,
/// so pages that shared one description no longer do. Only the content value changes.
/// </summary>
public sealed class RewriteMetaDescriptionFixer : IMarkdownFixer
{
    /// <inheritdoc />
    public string Kind => "rewrite-meta-description";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("meta[name='description' i]") is not { } meta)
        {
            return FixerResult.Declined(
                "The source has no meta description to rewrite; it may come from a layout or a build step.");
        }

        if (InsertMetaDescriptionFixer.Describe(page.Html?.Excerpt ?? "") is not { } copy)
        {
            return FixerResult.Declined("The page has too little opening copy to write a description from.");
        }

        var current = meta.Element.GetAttribute("content") ?? "";
        if (string.Equals(PageParser.Collapse(current), copy, StringComparison.Ordinal))
        {
            return FixerResult.Declined(
                "The description already is the page's opening copy, so FunnelOps has no better text to offer.");
        }

        return new FixerResult([Replace(source, meta.Tag, copy)],
            $"Replaces the meta description ({current.Length} characters) with {copy.Length} characters " +
            "taken from the page's first paragraph.",
            "The description is copied from the page's own text: read it once and adjust the wording if you like.");
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (InsertMetaDescriptionFixer.Describe(page.Html?.Excerpt ?? "") is not { } copy)
        {
            return FixerResult.Declined("The page has too little opening copy to write a description from.");
        }

        var current = source.FrontMatter.Value("description");
        if (current is not null && string.Equals(PageParser.Collapse(current), copy, StringComparison.Ordinal))
        {
            return FixerResult.Declined(
                "The description already is the page's opening copy, so FunnelOps has no better text to offer.");
        }

        var was = current is null ? "Sets" : $"Replaces the front-matter description ({current.Length} characters) with";
        if (FixText.RefuseMarkupInFrontMatter(copy) is { } refused)
        {
            return refused;
        }

        return new FixerResult([source.FrontMatter.Set("description", copy, after: "title")],
            $"{was} {copy.Length} characters taken from the page's first paragraph.",
            "The description is copied from the page's own text: read it once and adjust the wording if you like.");
    }

    // Keeps the attribute's quote; an unquoted, bare or missing content gets the document's quote.
    private static TextEdit Replace(HtmlSource source, StartTag tag, string copy)
    {
        var quote = FixText.QuoteFor(tag, source);
        var value = $"{quote}{HtmlSource.EscapeAttribute(copy, quote)}{quote}";
        return tag.Attribute("content") switch
        {
            null => new TextEdit(tag.InsertionPoint, 0, $" content={value}"),
            { Quote: '"' or '\'' } quoted => new TextEdit(quoted.ValueStart, quoted.ValueEnd - quoted.ValueStart,
                HtmlSource.EscapeAttribute(copy, quoted.Quote)),
            var other => new TextEdit(other.Start, other.End - other.Start, $"{other.Name}={value}"),
        };
    }
}
