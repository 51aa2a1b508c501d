using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Points links that go through redirects straight at the page where the redirects end, and links
/// that lead to a missing page at the page that replaced it: the destination of a redirect rule the
/// repository declares, or the one crawled page whose address or title clearly matches. Without a
/// convincing replacement a broken link is left for a person.
/// </summary>
public sealed class RetargetLinkFixer : IMarkdownFixer
{
    /// <inheritdoc />
    public string Kind => "retarget-link";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        var (retargets, why) = Retargets(finding, page, source);
        if (retargets.Count == 0)
        {
            return FixerResult.Declined(why);
        }

        var edits = new List<TextEdit>();
        var changed = new List<string>();
        foreach (var (href, target, reason) in retargets)
        {
            foreach (var (element, tag) in source.Find("a[href]"))
            {
                // The crawl saw the decoded attribute (entities resolved), so compare decoded values.
                if (element.GetAttribute("href") == href && tag.Attribute("href") is { ValueStart: >= 0 } attribute)
                {
                    var quote = attribute.Quote == '\'' ? '\'' : '"';
                    var value = HtmlSource.EscapeAttribute(target, quote);
                    edits.Add(new TextEdit(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart, value));
                    changed.Add(Describe(href, target, reason));
                }
            }
        }

        return edits.Count == 0
            ? FixerResult.Declined(finding.Target.Links.Count > 0
                ? "The redirected links were not found in the source file."
                : "The broken links were not found in the source file; they may come from a shared template.")
            : Result(edits, changed, retargets);
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        var (retargets, why) = Retargets(finding, page, source.Html);
        if (retargets.Count == 0)
        {
            return FixerResult.Declined(why);
        }

        var edits = new List<TextEdit>();
        var changed = new List<string>();
        foreach (var (href, target, reason) in retargets)
        {
            foreach (var (url, start, end) in source.LinkTargets().Where(l => l.Url == href))
            {
                // A target with spaces or parentheses is written in angle brackets, as Markdown asks.
                var written = target.Any(c => c is ' ' or '(' or ')') && source.Text[start - 1] != '<'
                    ? $"<{target}>"
                    : target;
                edits.Add(new TextEdit(start, end - start, written));
                changed.Add(Describe(href, target, reason));
            }

            foreach (var (element, tag) in source.FindHtml("a[href]"))
            {
                if (element.GetAttribute("href") == href && tag.Attribute("href") is { ValueStart: >= 0 } attribute)
                {
                    var quote = attribute.Quote == '\'' ? '\'' : '"';
                    edits.Add(new TextEdit(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart,
                        HtmlSource.EscapeAttribute(target, quote)));
                    changed.Add(Describe(href, target, reason));
                }
            }
        }

        return edits.Count == 0
            ? FixerResult.Declined("The links were not found in the page's Markdown; they may come from a layout.")
            : Result(edits, changed, retargets);
    }

    // Redirected links carry their destination in the finding; broken ones are matched here.
    private static (List<(string Href, string Target, string? Why)>, string) Retargets(
        Finding finding, PageSnapshot page, HtmlSource source)
    {
        if (finding.Target.Links.Count > 0)
        {
            return ([.. finding.Target.Links.Select(l => (l.Key, l.Value, (string?)null))], "");
        }

        var roots = new[] { source.ContentRoot, source.File.RepositoryRoot }.OfType<string>().Distinct();
        var (found, missing) = BrokenLinkReplacement.For(page, source.Crawl, roots);
        var why = missing.Count > 0 ? missing[0] : "The page has no link that redirects or leads to a missing page.";
        return ([.. found.Select(f => (f.Href, f.Target, (string?)f.Why))], why);
    }

    private static string Describe(string href, string target, string? why) =>
        why is null ? $"{href} → {target}" : $"{href} → {target} ({why})";

    private static FixerResult Result(
        List<TextEdit> edits, List<string> changed, List<(string Href, string Target, string? Why)> retargets)
    {
        if (retargets.All(r => r.Why is null))
        {
            return new FixerResult(edits,
                $"Points links straight at their destination: {string.Join(", ", changed.Distinct())}.");
        }

        return new FixerResult(edits,
            "Points links that led to a missing page at the page that replaced it: " +
            $"{string.Join("; ", changed.Distinct())}.",
            "The new link target was chosen by matching the missing address against the site: open it once and " +
            "check that it is the page the link meant.");
    }
}
