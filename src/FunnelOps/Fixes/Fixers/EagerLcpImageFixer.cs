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
            var start = loading.Start;
            while (start > 0 && char.IsWhiteSpace(source.Text[start - 1]) && source.Text[start - 1] != '\n')
            {
                start--;
            }

            edits.Add(new TextEdit(start, loading.End - start, ""));
        }

        if (tag.Attribute("fetchpriority") is null)
        {
            var quote = source.PreferredQuote;
            edits.Add(new TextEdit(tag.InsertionPoint, 0, $" fetchpriority={quote}high{quote}"));
        }

        return new FixerResult(edits,
            "Loads the page's largest image right away instead of lazily, and asks the browser to fetch it first.");
    }
}
