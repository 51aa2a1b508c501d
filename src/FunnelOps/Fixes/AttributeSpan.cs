namespace FunnelOps.Fixes;

/// <summary>One attribute of a start tag, with its extent in the source.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Start">Offset of the name.</param>
/// <param name="End">Offset just past the value (and its closing quote).</param>
/// <param name="Value">The raw value, null for a bare attribute such as <c>defer</c>.</param>
/// <param name="ValueStart">Offset of the first character of the value, -1 when bare.</param>
/// <param name="ValueEnd">Offset just past the value's last character, -1 when bare.</param>
/// <param name="Quote">The quote character, or <c>\0</c> for an unquoted value.</param>
public sealed record AttributeSpan(
    string Name, int Start, int End, string? Value, int ValueStart, int ValueEnd, char Quote);
