namespace FunnelOps.Rendering;

/// <summary>
/// The names of the metrics a render measures, each with its definition and, where one is
/// published, its thresholds. Playbooks refer to them by these names.
/// </summary>
public static class RenderMetrics
{
    /// <summary>
    /// CSS pixels by which the page is wider than the phone screen
    /// (<c>documentElement.scrollWidth - clientWidth</c>); above 0 the visitor scrolls sideways.
    /// Evidence: the widest elements that reach past the screen.
    /// </summary>
    public const string HorizontalOverflow = "horizontal-overflow-px";

    /// <summary>
    /// Visible links and buttons smaller than 24x24 CSS pixels (the WCAG 2.2 target size minimum),
    /// or overlapping another one. Links inside a sentence are exempt, as WCAG allows. Evidence
    /// names each target, its size and what it overlaps.
    /// </summary>
    public const string SmallTapTargets = "small-tap-targets";

    /// <summary>The layout width of the page in CSS pixels: the phone's width with a viewport meta, 980 without.</summary>
    public const string LayoutWidth = "layout-width-px";

    /// <summary>
    /// The zoom the phone applies on arrival (<c>visualViewport.scale</c>): 1 with a viewport meta,
    /// about 0.37 on a 360-pixel phone when a page without one is shrunk from 980 pixels.
    /// </summary>
    public const string InitialScale = "initial-scale";

    /// <summary>
    /// The share (0 to 1) of visible text characters shown smaller than 12 CSS pixels, counting
    /// the page's zoom. Lighthouse's font-size audit fails a page when more than 40% of its
    /// text is under 12 px (it needs 60% legible).
    /// </summary>
    public const string SmallTextShare = "small-text-share";

    /// <summary>Largest Contentful Paint in milliseconds (Core Web Vitals: good up to 2,500; poor above 4,000).</summary>
    public const string Lcp = "lcp-ms";

    /// <summary>1 when the LCP element is an image (an <c>img</c>, a poster or a CSS background), else 0.</summary>
    public const string LcpIsImage = "lcp-is-image";

    /// <summary>
    /// 1 when the LCP element is an image with <c>loading="lazy"</c>, else 0. Its evidence is a
    /// CSS selector for that image (<c>img[src="..."]</c>), which the fixer uses to find it.
    /// </summary>
    public const string LcpImageLazy = "lcp-image-lazy";

    /// <summary>1 when the LCP image carries <c>fetchpriority="high"</c>, else 0.</summary>
    public const string LcpFetchPriorityHigh = "lcp-fetchpriority-high";

    /// <summary>
    /// 1 when the LCP image's address is not in the HTML the server sent (a script or a
    /// stylesheet adds it), so the browser discovers it late; else 0.
    /// </summary>
    public const string LcpDiscoveredLate = "lcp-discovered-late";

    /// <summary>
    /// Cumulative Layout Shift during loading: the worst session window of unexpected shifts
    /// (Core Web Vitals: good up to 0.1; poor above 0.25). Evidence: the elements that moved most.
    /// </summary>
    public const string Cls = "cls";

    /// <summary>Tasks that held the main thread for more than 50 ms after the first contentful paint.</summary>
    public const string LongTasks = "long-tasks";

    /// <summary>
    /// Total Blocking Time in milliseconds: the sum of each long task's time beyond 50 ms after the
    /// first contentful paint (Lighthouse's mobile scoring: good up to 200 ms; poor above 600 ms).
    /// </summary>
    public const string TotalBlockingTime = "total-blocking-time-ms";

    /// <summary>Bytes transferred for the page and everything it loaded from the site, headers included.</summary>
    public const string BytesTotal = "bytes-total";

    /// <summary>Bytes transferred for the HTML document.</summary>
    public const string BytesDocument = "bytes-document";

    /// <summary>Bytes transferred for scripts.</summary>
    public const string BytesScript = "bytes-script";

    /// <summary>Bytes transferred for stylesheets.</summary>
    public const string BytesStylesheet = "bytes-stylesheet";

    /// <summary>Bytes transferred for images.</summary>
    public const string BytesImage = "bytes-image";

    /// <summary>Bytes transferred for web fonts.</summary>
    public const string BytesFont = "bytes-font";

    /// <summary>Bytes transferred for everything else (data requests, media).</summary>
    public const string BytesOther = "bytes-other";

    /// <summary>
    /// Visible images whose file is more than twice as wide as they are shown at the phone's pixel
    /// density. Evidence of <c>largest-images</c> lists the largest files with both sizes.
    /// </summary>
    public const string OversizedImages = "oversized-images";

    /// <summary>Errors the page wrote to the browser console, uncaught script errors included.</summary>
    public const string ConsoleErrors = "console-errors";

    /// <summary>Requests to the site that failed or answered 4xx/5xx. Requests to other hosts are not made.</summary>
    public const string FailedRequests = "failed-requests";

    /// <summary>Elements in the document. Scans stop after the first 20,000 elements.</summary>
    public const string DomElements = "dom-elements";

    /// <summary>The evidence key (not a metric) listing the largest images, file size against shown size.</summary>
    public const string LargestImagesEvidence = "largest-images";

    /// <summary>Every metric name, for validation.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        [
            HorizontalOverflow, SmallTapTargets, LayoutWidth, InitialScale, SmallTextShare, Lcp, LcpIsImage,
            LcpImageLazy, LcpFetchPriorityHigh, LcpDiscoveredLate, Cls, LongTasks, TotalBlockingTime, BytesTotal,
            BytesDocument, BytesScript, BytesStylesheet, BytesImage, BytesFont, BytesOther, OversizedImages,
            ConsoleErrors, FailedRequests, DomElements,
        ],
        StringComparer.Ordinal);
}
