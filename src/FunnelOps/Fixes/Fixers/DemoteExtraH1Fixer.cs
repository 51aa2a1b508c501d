using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Keeps the first main heading and turns every later <c>&lt;h1&gt;</c> into an <c>&lt;h2&gt;</c>,
/// attributes and content unchanged, so the page has one clear topic.
/// </summary>
public sealed class DemoteExtraH1Fixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "demote-extra-h1";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var headings = source.Find("h1");
        if (headings.Count < 2)
        {
            return FixerResult.Declined(
                "The source has at most one h1; the others come from another file, such as a layout.");
        }

        var edits = new List<TextEdit>();
        foreach (var (_, tag) in headings.Skip(1))
        {
            // The end tag that closes this heading: the first </h1>, unless another <h1 comes first.
            var close = EndTag(source.Text, tag.End);
            if (close < 0)
            {
                return FixerResult.Declined(
                    "An h1 in the source has no closing tag, so FunnelOps leaves the headings alone.");
            }

            edits.Add(Rename(source.Text, tag.Start + 1));
            edits.Add(Rename(source.Text, close + 2));
        }

        var kept = FixText.Of(headings[0].Element);
        var others = headings.Count == 2 ? "other h1" : $"other {headings.Count - 1} h1s";
        return new FixerResult(edits,
            $"Keeps \"{kept}\" as the main heading and turns the {others} into h2.",
            $"Check that \"{kept}\" is the heading that says what the page is about. " +
            "If your stylesheet styles h1 and h2 differently, the demoted headings now look like h2.");
    }

    private static int EndTag(string text, int from)
    {
        var close = Find(text, "</h1", from);
        var nextOpen = Find(text, "<h1", from);
        return close >= 0 && (nextOpen < 0 || close < nextOpen) ? close : -1;
    }

    // The next "<h1" or "</h1" that is a whole tag name, not the start of a longer one.
    private static int Find(string text, string start, int from)
    {
        for (var at = text.IndexOf(start, from, StringComparison.OrdinalIgnoreCase);
            at >= 0;
            at = text.IndexOf(start, at + start.Length, StringComparison.OrdinalIgnoreCase))
        {
            if (NameEndsAt(text, at + start.Length))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool NameEndsAt(string text, int offset) =>
        offset < text.Length && (text[offset] is '>' or '/' || char.IsWhiteSpace(text[offset]));

    // "h1" becomes "h2" in the author's case: <H1> stays upper case.
    private static TextEdit Rename(string text, int nameStart) =>
        new(nameStart, 2, text[nameStart] + "2");
}
