namespace FunnelOps.Crawling;

/// <summary>What a CSS selector matched on a page.</summary>
/// <param name="Count">How many elements matched.</param>
/// <param name="FirstMatch">The start tag of the first match, bounded, for evidence.</param>
public sealed record SelectorProbe(int Count, string? FirstMatch);
