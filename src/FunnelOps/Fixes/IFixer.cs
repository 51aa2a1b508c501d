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

/// <summary>What a fixer proposes for one file.</summary>
/// <param name="Edits">The edits; empty when the fixer could not help.</param>
/// <param name="Summary">What the edits do, in a reviewer's words; or why there are none.</param>
/// <param name="ReviewNote">Something the reviewer should look at closely, such as suggested copy.</param>
public sealed record FixerResult(IReadOnlyList<TextEdit> Edits, string Summary, string? ReviewNote = null)
{
    /// <summary>A result without edits, with the reason.</summary>
    public static FixerResult Declined(string reason) => new([], reason);

    /// <summary>True when there are edits to apply.</summary>
    public bool HasEdits => Edits.Count > 0;
}
