using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Adds a canonical link naming the page's own URL path, on its own line after the meta
/// description or the title, so that addresses with tracking parameters count as this page.
/// </summary>
public sealed class InsertCanonicalFixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "insert-canonical";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("link[rel~='canonical' i]") is not null)
        {
            return FixerResult.Declined("The source already has a canonical link; the live page may be out of date.");
        }

        // After the description when there is one (the pair reads as the page's search entry), else the title.
        var anchor = source.FindFirst("meta[name='description' i]") is { } description
            ? description.Tag.End
            : source.FindFirst("title") is { } title ? source.EndOfElement(title.Tag) : -1;
        var head = source.FindFirst("head");
        if (anchor < 0 && head is null)
        {
            return FixerResult.Declined("The source has no <head> to add the canonical link to.");
        }

        // The path, not the full address: the crawl may have read a staging or local copy of the site.
        var path = page.Url.AbsolutePath;
        var quote = source.PreferredQuote;
        var close = source.UsesSelfClosingVoidTags ? " />" : ">";
        var href = HtmlSource.EscapeAttribute(path, quote);
        var markup = $"<link rel={quote}canonical{quote} href={quote}{href}{quote}{close}";
        var edit = anchor >= 0
            ? source.InsertLineAfter(anchor, markup)
            : SourceEdits.InsertFirstInHead(source, head!.Value.Tag, markup);
        return new FixerResult([edit],
            $"Adds a canonical link naming {path} as the page's own address, " +
            "so links with tracking parameters count as this page.",
            "The link gives the page's path. If the site is served under more than one domain, " +
            "you may prefer the full address, such as https://www.example.com" + path + ".");
    }
}
