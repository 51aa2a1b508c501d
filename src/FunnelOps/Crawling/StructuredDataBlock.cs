namespace FunnelOps.Crawling;

/// <summary>One <c>script type="application/ld+json"</c> block of a page, parsed.</summary>
/// <param name="Types">Every <c>@type</c> in the block, <c>@graph</c> entries included, such as <c>Organization</c>.</param>
/// <param name="Error">Why the block is not valid JSON, when it is not.</param>
public sealed record StructuredDataBlock(IReadOnlyList<string> Types, string? Error);
