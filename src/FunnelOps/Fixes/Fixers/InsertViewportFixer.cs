using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Adds the standard responsive viewport meta, after the charset declaration (or the start of
/// the head), so phones lay the page out at their own width instead of a 980-pixel desktop width.
/// </summary>
public sealed class InsertViewportFixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "insert-viewport";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("meta[name='viewport' i]") is not null)
        {
            return FixerResult.Declined("The source already has a viewport meta; the live page may be out of date.");
        }

        var anchor = source.FindFirst("meta[charset]") ?? source.FindFirst("head");
        if (anchor is not { } found)
        {
            return FixerResult.Declined("The source has no <head> to add the viewport to.");
        }

        var quote = source.PreferredQuote;
        var close = source.UsesSelfClosingVoidTags ? " />" : ">";
        var markup = $"<meta name={quote}viewport{quote} content={quote}width=device-width, initial-scale=1{quote}{close}";
        var edit = found.Tag.Name == "head"
            ? new TextEdit(found.Tag.End, 0, source.File.LineEnding + source.IndentationAt(found.Tag.Start) + "  " + markup)
            : source.InsertLineAfter(found.Tag.End, markup);
        return new FixerResult([edit], "Adds the responsive viewport meta so phones show the page at their own width.");
    }
}
