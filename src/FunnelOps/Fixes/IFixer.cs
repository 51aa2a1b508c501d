using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes;

/// <summary>Turns a finding into text edits of one source file. One fixer per fix kind.</summary>
public interface IFixer
{
    /// <summary>The fix kind playbooks name, such as <c>remove-noindex</c>.</summary>
    string Kind { get; }

    /// <summary>The edits that resolve <paramref name="finding"/> in <paramref name="source"/>, or a reason why not.</summary>
    FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source);
}
