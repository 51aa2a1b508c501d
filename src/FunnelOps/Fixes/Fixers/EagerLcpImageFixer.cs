using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Makes the largest image above the fold load first: removes <c>loading="lazy"</c> and adds
/// <c>fetchpriority="high"</c>. The image is the one the browser reported as the LCP element.
/// </summary>
public sealed class EagerLcpImageFixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "eager-lcp-image";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        if (finding.Target.Selector is not { } selector || source.FindFirst(selector) is not { } image)
        {
            return FixerResult.Declined("The largest image could not be found in the source file.");
        }

        var tag = image.Tag;
        var edits = new List<TextEdit>();
        if (tag.Attribute("loading") is { } loading)
        {
            edits.Add(RemoveAttribute(source.Text, loading));
        }

        if (tag.Attribute("fetchpriority") is null)
        {
            var quote = FixText.QuoteFor(tag, source);
            edits.Add(new TextEdit(tag.InsertionPoint, 0, $" fetchpriority={quote}high{quote}"));
        }

        return new FixerResult(edits,
            "Loads the page's largest image right away instead of lazily, and asks the browser to fetch it first.");
    }

    // Removes the attribute with the white space before it; an attribute alone on its line
    // takes its line with it, so no blank line is left inside the tag.
    private static TextEdit RemoveAttribute(string text, AttributeSpan attribute)
    {
        var start = attribute.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        var end = attribute.End;
        if (start > 0 && text[start - 1] == '\n')
        {
            var lineEnd = end;
            while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t' or '\r')
            {
                lineEnd++;
            }

            if (lineEnd < text.Length && text[lineEnd] == '\n')
            {
                return new TextEdit(start, lineEnd + 1 - start, "");
            }
        }

        return new TextEdit(start, end - start, "");
    }
}
