namespace FunnelOps.Fixes;

/// <summary>One top-level key of a front matter, with its extent in the file.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Start">Offset of the start of the key's line.</param>
/// <param name="End">Offset just past the key's last line, its line break included.</param>
/// <param name="Value">The text value without quotes; null for a block, a list or a table.</param>
/// <param name="ValueStart">Offset of the value's first character inside any quotes; -1 when there is no single-line value.</param>
/// <param name="ValueEnd">Offset just past the value's last character inside any quotes; -1 as above.</param>
/// <param name="Quote">The value's quote character, or <c>\0</c> for a plain value.</param>
/// <param name="IsMultiLine">True when the value spans several lines (a block, a list or an open quote).</param>
public sealed record FrontMatterEntry(
    string Key, int Start, int End, string? Value, int ValueStart, int ValueEnd, char Quote, bool IsMultiLine);
