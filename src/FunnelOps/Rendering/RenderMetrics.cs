namespace FunnelOps.Rendering;

/// <summary>The names of the metrics a render measures. Playbooks refer to them by these names.</summary>
public static class RenderMetrics
{
    /// <summary>
    /// CSS pixels by which the page is wider than the phone screen
    /// (<c>documentElement.scrollWidth - clientWidth</c>); above 0 the visitor scrolls sideways.
    /// </summary>
    public const string HorizontalOverflow = "horizontal-overflow-px";

    /// <summary>
    /// Visible links and buttons smaller than 24x24 CSS pixels (the WCAG 2.2 target size minimum),
    /// or overlapping another one. Links inside a sentence are exempt, as WCAG allows.
    /// </summary>
    public const string SmallTapTargets = "small-tap-targets";

    /// <summary>The layout width of the page: 980 when a page has no viewport meta.</summary>
    public const string LayoutWidth = "layout-width-px";

    /// <summary>Largest Contentful Paint in milliseconds (good up to 2,500; poor above 4,000).</summary>
    public const string Lcp = "lcp-ms";

    /// <summary>
    /// 1 when the LCP element is an image with <c>loading="lazy"</c>, else 0. Its evidence is a
    /// CSS selector for that image (<c>img[src="..."]</c>), which the fixer uses to find it.
    /// </summary>
    public const string LcpImageLazy = "lcp-image-lazy";

    /// <summary>Every metric name, for validation.</summary>
    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>([HorizontalOverflow, SmallTapTargets, LayoutWidth, Lcp, LcpImageLazy], StringComparer.Ordinal);
}
