using FunnelOps.Prioritization;

namespace FunnelOps.Fixes;

/// <summary>The edits that resolve one backlog item, file by file.</summary>
/// <param name="Item">The backlog item it fixes.</param>
/// <param name="Files">Each changed file: where it is, how it was found, its text before and after.</param>
public sealed record Fix(BacklogItem Item, IReadOnlyList<FileChange> Files);
