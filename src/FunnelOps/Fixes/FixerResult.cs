namespace FunnelOps.Fixes;

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
