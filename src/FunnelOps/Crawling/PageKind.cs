namespace FunnelOps.Crawling;

/// <summary>What a crawled URL is to the site.</summary>
public enum PageKind
{
    /// <summary>Something linked with <c>a[href]</c> or listed in a sitemap: a page, a PDF, a redirect.</summary>
    Document,

    /// <summary>An image, script or stylesheet a page loads; its status is checked, it is never parsed.</summary>
    Resource,
}
