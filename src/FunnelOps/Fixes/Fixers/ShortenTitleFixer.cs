using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Shortens a title to 60 characters, what a search result shows: trailing segments such as
/// " | Keelboard" go first, one at a time; a title still too long is cut after its last whole word.
/// Only the title's text changes.
/// </summary>
public sealed class ShortenTitleFixer : IMarkdownFixer
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

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FrontMatter.Value("title") is not { Length: > 0 } raw)
        {
            return FixerResult.Declined("The page's front matter has no title; the title comes from the site's layout.");
        }

        // What the layout adds around the front-matter title (" | Keelboard") stays, so the title gets less room.
        var current = PageParser.Collapse(raw);
        var live = PageParser.Collapse(page.Html?.Title ?? "");
        var added = live.Contains(current, StringComparison.Ordinal) ? live.Length - current.Length : 0;
        var room = TitleCopy.MaxLength - added;
        if (current.Length <= room)
        {
            return FixerResult.Declined(
                "The front-matter title is short enough; the rest of the live title comes from the site's layout.");
        }

        if (room < 20)
        {
            return FixerResult.Declined(
                $"The site's layout adds {added} characters to every title, which leaves too little room; shorten it there.");
        }

        var shorter = TitleCopy.Shorten(current, room);
        return new FixerResult([source.FrontMatter.Set("title", shorter)],
            $"Shortens the front-matter title from {current.Length} to {shorter.Length} characters: \"{shorter}\".",
            "The shorter title is suggested copy: check that it still says what the page offers, " +
            "and reword it if you like.");
    }
}
