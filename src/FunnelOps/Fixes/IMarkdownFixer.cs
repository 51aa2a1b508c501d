using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes;

/// <summary>A fixer that can also edit a page written in Markdown: its front matter, images and links.</summary>
public interface IMarkdownFixer : IFixer
{
    /// <summary>The edits that resolve <paramref name="finding"/> in the Markdown <paramref name="source"/>, or a reason why not.</summary>
    FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source);
}
