namespace FunnelOps.Crawling;

/// <summary>One <c>link rel="alternate" hreflang</c> of a page: the same content in another language or region.</summary>
/// <param name="Language">The hreflang value, such as <c>de-AT</c> or <c>x-default</c>.</param>
/// <param name="Url">The resolved URL of the alternate page.</param>
/// <param name="Relative">True when the page wrote a relative address, which search engines ignore for hreflang.</param>
public sealed record HreflangLink(string Language, Uri Url, bool Relative = false);
