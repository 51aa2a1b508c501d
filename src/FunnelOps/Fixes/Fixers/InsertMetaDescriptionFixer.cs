using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Adds a meta description after the title, written from the page's own opening copy:
/// whole sentences up to 155 characters, so search results show the page's words, not a guess.
/// </summary>
public sealed class InsertMetaDescriptionFixer : IMarkdownFixer
{
    private const int MinLength = 70;
    private const int MaxLength = 155;

    /// <inheritdoc />
    public string Kind => "insert-meta-description";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("meta[name='description' i]") is not null)
        {
            return FixerResult.Declined("The source already has a meta description; the live page may be out of date.");
        }

        var copy = Describe(page.Html?.Excerpt ?? "");
        if (copy is null)
        {
            return FixerResult.Declined("The page has too little opening copy to write a description from.");
        }

        if (source.FindFirst("title") is not { } title || source.EndOfElement(title.Tag) is var end && end < 0)
        {
            return FixerResult.Declined("The source has no <title> to place the description after.");
        }

        var quote = source.PreferredQuote;
        var close = source.UsesSelfClosingVoidTags ? " />" : ">";
        var markup = $"<meta name={quote}description{quote} content={quote}{HtmlSource.EscapeAttribute(copy, quote)}{quote}{close}";
        return new FixerResult([source.InsertLineAfter(end, markup)],
            $"Adds a meta description ({copy.Length} characters) taken from the page's first paragraph.",
            "The description is copied from the page's own text: read it once and adjust the wording if you like.");
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FrontMatter.Value("description") is { Length: > 0 })
        {
            return FixerResult.Declined("The page's front matter already has a description, but the page does not " +
                "show it: the site's layout needs to print it in a meta description tag.");
        }

        if (Describe(page.Html?.Excerpt ?? "") is not { } copy)
        {
            return FixerResult.Declined("The page has too little opening copy to write a description from.");
        }

        if (FixText.RefuseMarkupInFrontMatter(copy) is { } refused)
        {
            return refused;
        }

        return new FixerResult([source.FrontMatter.Set("description", copy, after: "title")],
            $"Sets the page's description ({copy.Length} characters, taken from its first paragraph) in its front matter.",
            "The description is copied from the page's own text: read it once and adjust the wording if you like.");
    }

    /// <summary>Whole sentences of <paramref name="excerpt"/> that fit in 155 characters; null when under 70 fit.</summary>
    internal static string? Describe(string excerpt)
    {
        // Labels above the copy (a breadcrumb or an eyebrow such as "Features / Forecasting") are
        // not sentences a searcher should read first, so the copy starts after them.
        var paragraphs = excerpt.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var skip = 0;
        while (skip < paragraphs.Length - 1 && IsLabel(paragraphs[skip]))
        {
            skip++;
        }

        var text = PageParser.Collapse(string.Join(' ', paragraphs[skip..]));
        var best = "";
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var endsSentence = text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' ');
            if (!endsSentence)
            {
                continue;
            }

            var candidate = text[..(i + 1)];
            if (candidate.Length > MaxLength)
            {
                break;
            }

            best = candidate;
            start = i + 1;
        }

        if (best.Length >= MinLength)
        {
            return best;
        }

        // Copy without a sentence end that fits as a whole is used as it is.
        if (start == 0 && text.Length is >= MinLength and <= MaxLength)
        {
            return text;
        }

        // The first sentence alone is too long: cut it at a word and say so with an ellipsis.
        if (start == 0 && text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength - 1);
            if (cut <= 0)
            {
                return null;
            }

            var shortened = text[..cut].TrimEnd(',', ';', ':') + "…";
            return shortened.Length >= MinLength ? shortened : null;
        }

        return null;
    }

    private static bool IsLabel(string paragraph) =>
        paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 6 && paragraph[^1] is not ('.' or '!' or '?');
}
