using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Removes a stray <c>noindex</c>: the whole robots meta when it says nothing else that matters,
/// otherwise only the <c>noindex</c> directive, keeping the others (such as <c>nosnippet</c>).
/// </summary>
public sealed class RemoveNoindexFixer : IMarkdownFixer
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

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var front = source.FrontMatter;

        // Themes read "noindex: true" or a "robots" value from the front matter and print the meta tag.
        if (front.Get("noindex") is { Value: { } flag } && flag.Equals("true", StringComparison.OrdinalIgnoreCase) &&
            front.Remove("noindex") is { } removed)
        {
            return new FixerResult([removed],
                "Removes \"noindex: true\" from the page's front matter so search engines may list the page again.");
        }

        if (front.Value("robots") is { } robots)
        {
            var directives = robots.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (directives.Contains("noindex", StringComparer.OrdinalIgnoreCase))
            {
                var edit = directives.All(Harmless.Contains)
                    ? front.Remove("robots")!
                    : front.Set("robots", string.Join(", ",
                        directives.Where(d => !d.Equals("noindex", StringComparison.OrdinalIgnoreCase))));
                return new FixerResult([edit],
                    "Removes noindex from the page's front-matter robots setting so search engines may list the page again.");
            }
        }

        return FixerResult.Declined("The page's front matter does not ask for noindex; it may come from the site's layout.");
    }
}
