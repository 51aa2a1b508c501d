using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Removes a stray <c>noindex</c>: the whole robots meta when it says nothing else that matters,
/// otherwise only the <c>noindex</c> directive, keeping the others (such as <c>nosnippet</c>).
/// </summary>
public sealed class RemoveNoindexFixer : IFixer
{
    private static readonly HashSet<string> Harmless = new(["noindex", "index", "follow", "all"], StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Kind => "remove-noindex";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var edits = new List<TextEdit>();
        foreach (var (_, tag) in source.Find("meta[name='robots' i], meta[name='googlebot' i]"))
        {
            if (tag.Attribute("content") is not { Value: { } content } attribute)
            {
                continue;
            }

            var directives = content.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!directives.Contains("noindex", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (directives.All(Harmless.Contains))
            {
                edits.Add(source.DeleteRange(tag.Start, tag.End));
                continue;
            }

            var kept = string.Join(", ", directives.Where(d => !d.Equals("noindex", StringComparison.OrdinalIgnoreCase)));
            edits.Add(new TextEdit(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart, kept));
        }

        return edits.Count == 0
            ? FixerResult.Declined("The source has no robots meta with noindex; it may come from a header or a build step.")
            : new FixerResult(edits, "Removes the noindex directive so search engines may list the page again.");
    }
}
