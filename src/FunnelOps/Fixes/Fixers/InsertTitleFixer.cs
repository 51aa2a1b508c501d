using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Gives a page without a title one written from its main heading, after the charset
/// declaration or at the start of the head. A site-wide ending such as " | Keelboard" cannot be
/// known from one page, so it comes from the playbook (<c>with: { suffix: "| Keelboard" }</c>).
/// </summary>
public sealed class InsertTitleFixer : IFixer
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

    private static TextEdit? Insert(HtmlSource source, string markup)
    {
        if (source.FindFirst("meta[charset]") is { } charset)
        {
            return source.InsertLineAfter(charset.Tag.End, markup);
        }

        return source.FindFirst("head") is { } head ? SourceEdits.InsertFirstInHead(source, head.Tag, markup) : null;
    }
}
