namespace FunnelOps.Crawling;

/// <summary>One redirect followed by the crawler.</summary>
/// <param name="From">The URL that answered with a redirect.</param>
/// <param name="To">Where it pointed.</param>
/// <param name="Status">The redirect status, such as 301.</param>
public sealed record RedirectHop(Uri From, Uri To, int Status);
