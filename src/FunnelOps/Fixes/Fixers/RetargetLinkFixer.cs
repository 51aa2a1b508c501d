using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>Points links that go through redirects straight at the page where the redirects end.</summary>
public sealed class RetargetLinkFixer : IFixer
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
}
