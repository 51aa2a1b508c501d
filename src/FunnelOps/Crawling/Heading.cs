namespace FunnelOps.Crawling;

/// <summary>One heading of a page.</summary>
/// <param name="Level">1 for <c>h1</c> to 6 for <c>h6</c>.</param>
/// <param name="Text">The heading text, trimmed and bounded.</param>
public sealed record Heading(int Level, string Text);
