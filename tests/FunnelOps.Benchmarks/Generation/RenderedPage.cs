namespace FunnelOps.Benchmarks.Generation;

/// <summary>One written page: its HTML and the site pages its anchors point at.</summary>
/// <param name="Html">The whole document.</param>
/// <param name="Targets">The index of the page behind every internal anchor, duplicates included.</param>
internal sealed record RenderedPage(string Html, IReadOnlyList<int> Targets);
