namespace FunnelOps.Crawling;

/// <summary>One link on a page.</summary>
/// <param name="Href">The attribute as written in the page.</param>
/// <param name="Target">The resolved absolute URL, or null when it is not HTTP(S).</param>
/// <param name="Text">The link text, trimmed and bounded.</param>
/// <param name="Rel">The <c>rel</c> attribute, when present.</param>
public sealed record LinkRef(string Href, Uri? Target, string Text, string? Rel);
