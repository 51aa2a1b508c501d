using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Shortens a title to 60 characters, what a search result shows: trailing segments such as
/// " | Keelboard" go first, one at a time; a title still too long is cut after its last whole word.
/// Only the title's text changes.
/// </summary>
public sealed class ShortenTitleFixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "shorten-title";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("title") is not { } title)
        {
            return FixerResult.Declined(
                "The source has no <title>; the title may come from a layout or a build step.");
        }

        var current = FixText.Of(title.Element);
        if (current.Length <= TitleCopy.MaxLength)
        {
            return FixerResult.Declined(
                $"The title in the source already fits in {TitleCopy.MaxLength} characters; " +
                "the live page may be out of date.");
        }

        var shorter = TitleCopy.Shorten(current);
        if (SourceEdits.ReplaceContent(source, title.Tag, FixText.EscapeContent(shorter)) is not { } edit)
        {
            return FixerResult.Declined("The <title> in the source has no closing tag, so FunnelOps leaves it alone.");
        }

        return new FixerResult([edit],
            $"Shortens the title from {current.Length} to {shorter.Length} characters: \"{shorter}\".",
            "The shorter title is suggested copy: check that it still says what the page offers, " +
            "and reword it if you like.");
    }
}
