using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Replaces a title that several pages share with one written from each page's own main heading,
/// so search results tell the pages apart. A site-wide ending such as " | Keelboard" comes from
/// the playbook (<c>with: { suffix: "| Keelboard" }</c>).
/// </summary>
public sealed class RetitleFromH1Fixer : IMarkdownFixer
{
    /// <inheritdoc />
    public string Kind => "retitle-from-h1";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("title") is not { } title)
        {
            return FixerResult.Declined(
                "The source has no <title> to replace; the title may come from a layout or a build step.");
        }

        if (source.FindFirst("h1") is not { } heading || FixText.Of(heading.Element) is not { Length: > 0 } text)
        {
            return FixerResult.Declined("The page has no main heading (h1) to write a title from.");
        }

        var current = FixText.Of(title.Element);
        var replacement = TitleCopy.FromHeading(text, FixText.Parameter(finding, "suffix"));
        if (string.Equals(current, replacement, StringComparison.OrdinalIgnoreCase))
        {
            return FixerResult.Declined(
                "The page's main heading is the same as its title, so a title written from it would still be shared.");
        }

        if (SourceEdits.ReplaceContent(source, title.Tag, FixText.EscapeContent(replacement)) is not { } edit)
        {
            return FixerResult.Declined("The <title> in the source has no closing tag, so FunnelOps leaves it alone.");
        }

        return new FixerResult([edit],
            $"Replaces the title \"{current}\" with \"{replacement}\", written from the page's main heading.",
            "The title is suggested copy taken from the main heading: check that it says what this page offers " +
            "and ends with your site's name if your other titles do.");
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if ((source.MainHeading ?? (page.Html?.H1 is [var first, ..] ? first : null)) is not { Length: > 0 } heading)
        {
            return FixerResult.Declined("The page has no main heading (h1) to write a title from.");
        }

        var current = source.FrontMatter.Value("title") ?? "";
        var replacement = TitleCopy.FromHeading(PageParser.Collapse(heading), null);
        if (string.Equals(PageParser.Collapse(current), replacement, StringComparison.OrdinalIgnoreCase))
        {
            return FixerResult.Declined(
                "The page's main heading is its front-matter title, so a title written from it would still be shared; " +
                "the shared title comes from the site's layout.");
        }

        if (FixText.RefuseMarkupInFrontMatter(replacement) is { } refused)
        {
            return refused;
        }

        return new FixerResult([source.FrontMatter.Set("title", replacement)],
            $"Replaces the front-matter title \"{current}\" with \"{replacement}\", written from the page's main heading.",
            "The title is suggested copy taken from the main heading: check that it says what this page offers.");
    }
}
