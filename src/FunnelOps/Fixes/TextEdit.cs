namespace FunnelOps.Fixes;

/// <summary>Replaces <see cref="Length"/> characters at <see cref="Start"/> with <see cref="Text"/>.</summary>
/// <param name="Start">0-based character offset in the source text.</param>
/// <param name="Length">Characters replaced; 0 for an insertion.</param>
/// <param name="Text">The new text; empty for a deletion.</param>
public sealed record TextEdit(int Start, int Length, string Text)
{
    /// <summary>
    /// Applies <paramref name="edits"/> to <paramref name="source"/> back to front, so that each
    /// offset stays valid; every character outside the edits is kept as it was.
    /// </summary>
    /// <exception cref="InvalidOperationException">When two edits overlap or one falls outside the text.</exception>
    public static string Apply(string source, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Back to front; insertions at one offset end up in the order they were given.
        var ordered = edits.Select((edit, index) => (edit, index))
            .OrderByDescending(x => x.edit.Start).ThenByDescending(x => x.edit.Length).ThenByDescending(x => x.index)
            .Select(x => x.edit)
            .ToList();
        var result = source;
        var limit = source.Length;
        foreach (var edit in ordered)
        {
            if (edit.Start < 0 || edit.Length < 0 || edit.Start + edit.Length > limit)
            {
                throw new InvalidOperationException(
                    $"The edit at offset {edit.Start} overlaps another edit or falls outside the file.");
            }

            result = string.Concat(result.AsSpan(0, edit.Start), edit.Text, result.AsSpan(edit.Start + edit.Length));
            limit = edit.Start;
        }

        return result;
    }
}
