using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>Points links that go through redirects straight at the page where the redirects end.</summary>
public sealed class RetargetLinkFixer : IMarkdownFixer
{
    /// <inheritdoc />
    public string Kind => "retarget-link";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        var edits = new List<TextEdit>();
        var changed = new List<string>();
        foreach (var (href, target) in finding.Target.Links)
        {
            foreach (var (element, tag) in source.Find("a[href]"))
            {
                // The crawl saw the decoded attribute (entities resolved), so compare decoded values.
                if (element.GetAttribute("href") == href && tag.Attribute("href") is { ValueStart: >= 0 } attribute)
                {
                    var quote = attribute.Quote == '\'' ? '\'' : '"';
                    var value = HtmlSource.EscapeAttribute(target, quote);
                    edits.Add(new TextEdit(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart, value));
                    changed.Add($"{href} → {target}");
                }
            }
        }

        return edits.Count == 0
            ? FixerResult.Declined("The redirected links were not found in the source file.")
            : new FixerResult(edits, $"Points links straight at their destination: {string.Join(", ", changed.Distinct())}.");
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        var edits = new List<TextEdit>();
        var changed = new List<string>();
        foreach (var (href, target) in finding.Target.Links)
        {
            foreach (var (url, start, end) in source.LinkTargets().Where(l => l.Url == href))
            {
                // A target with spaces or parentheses is written in angle brackets, as Markdown asks.
                var written = target.Any(c => c is ' ' or '(' or ')') && source.Text[start - 1] != '<'
                    ? $"<{target}>"
                    : target;
                edits.Add(new TextEdit(start, end - start, written));
                changed.Add($"{href} → {target}");
            }

            foreach (var (element, tag) in source.FindHtml("a[href]"))
            {
                if (element.GetAttribute("href") == href && tag.Attribute("href") is { ValueStart: >= 0 } attribute)
                {
                    var quote = attribute.Quote == '\'' ? '\'' : '"';
                    edits.Add(new TextEdit(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart,
                        HtmlSource.EscapeAttribute(target, quote)));
                    changed.Add($"{href} → {target}");
                }
            }
        }

        return edits.Count == 0
            ? FixerResult.Declined("The links were not found in the page's Markdown; they may come from a layout.")
            : new FixerResult(edits, $"Points links straight at their destination: {string.Join(", ", changed.Distinct())}.");
    }
}
