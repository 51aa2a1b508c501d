using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Gives a page without a title one written from its main heading, after the charset
/// declaration or at the start of the head. A site-wide ending such as " | Keelboard" cannot be
/// known from one page, so it comes from the playbook (<c>with: { suffix: "| Keelboard" }</c>).
/// </summary>
public sealed class InsertTitleFixer : IMarkdownFixer
{
    /// <inheritdoc />
    public string Kind => "insert-title";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        var existing = source.FindFirst("title");
        if (existing is { } written && FixText.Of(written.Element).Length > 0)
        {
            return FixerResult.Declined("The source already has a title; the live page may be out of date.");
        }

        if (source.FindFirst("h1") is not { } heading || FixText.Of(heading.Element) is not { Length: > 0 } text)
        {
            return FixerResult.Declined("The page has no main heading (h1) to write a title from.");
        }

        var title = TitleCopy.FromHeading(text, FixText.Parameter(finding, "suffix"));
        var escaped = FixText.EscapeContent(title);
        var edit = existing is { } empty
            ? SourceEdits.ReplaceContent(source, empty.Tag, escaped)
            : Insert(source, $"<title>{escaped}</title>");
        if (edit is null)
        {
            return FixerResult.Declined("The source has no <head> to add the title to.");
        }

        return new FixerResult([edit], $"Adds the title \"{title}\", written from the page's main heading.",
            "The title is suggested copy taken from the main heading: check that it says what the page offers " +
            "and ends with your site's name if your other titles do.");
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FrontMatter.Value("title") is { Length: > 0 })
        {
            return FixerResult.Declined("The page's front matter already has a title, but the page does not show " +
                "it: the site's layout needs to print it in the <title> tag.");
        }

        // The layout adds the site's name to front-matter titles, so no suffix is written here.
        if ((source.MainHeading ?? (page.Html?.H1 is [var first, ..] ? first : null)) is not { Length: > 0 } heading)
        {
            return FixerResult.Declined("The page has no main heading to write a title from.");
        }

        var title = TitleCopy.FromHeading(PageParser.Collapse(heading), null);
        if (FixText.RefuseMarkupInFrontMatter(title) is { } refused)
        {
            return refused;
        }

        return new FixerResult([source.FrontMatter.Set("title", title)],
            $"Sets the title \"{title}\" in the page's front matter, written from its main heading.",
            "The title is suggested copy taken from the main heading: check that it says what the page offers.");
    }

    private static TextEdit? Insert(HtmlSource source, string markup)
    {
        if (source.FindFirst("meta[charset]") is { } charset)
        {
            return source.InsertLineAfter(charset.Tag.End, markup);
        }

        return source.FindFirst("head") is { } head ? SourceEdits.InsertFirstInHead(source, head.Tag, markup) : null;
    }
}
