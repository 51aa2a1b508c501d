namespace FunnelOps.Crawling;

/// <summary>
/// What the crawl read from one URL: the response, and for HTML pages a compact summary of the
/// document. The body itself is not kept, so memory grows with the number of URLs only.
/// </summary>
public sealed record PageSnapshot
{
    /// <summary>The normalised URL that was requested first.</summary>
    public required Uri Url { get; init; }

    /// <summary>The final HTTP status after redirects, or 0 when no response arrived.</summary>
    public required int Status { get; init; }

    /// <summary>Every redirect hop followed from <see cref="Url"/>, in order.</summary>
    public IReadOnlyList<RedirectHop> Redirects { get; init; } = [];

    /// <summary>The media type of the final response, such as <c>text/html</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Bytes of the final response body that were read.</summary>
    public long Bytes { get; init; }

    /// <summary>Time from the first request to the last byte of the final response.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Clicks from a start URL, 0 for the start URLs themselves.</summary>
    public int Depth { get; init; }

    /// <summary>Why the URL has no usable response (timeout, too large, outside scope).</summary>
    public string? Error { get; init; }

    /// <summary>How fetching ended.</summary>
    public FetchOutcome Outcome { get; init; } = FetchOutcome.Fetched;

    /// <summary>A document or a resource (image, script, stylesheet).</summary>
    public PageKind Kind { get; init; } = PageKind.Document;

    /// <summary>Time from the request to the first response headers of the final response.</summary>
    public TimeSpan TimeToFirstByte { get; init; }

    /// <summary>The response headers that matter for search, caching and security, by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>True when a sitemap lists the URL.</summary>
    public bool InSitemap { get; init; }

    /// <summary>
    /// True when a visitor following a link to this URL would not arrive: an error status, no
    /// answer, a redirect loop or an endless chain. URLs the crawler chose not to read (robots.txt,
    /// redirects off the site) are not broken.
    /// </summary>
    public bool IsBroken => Status >= 400 ||
        Outcome is FetchOutcome.RedirectLoop or FetchOutcome.TooManyRedirects or FetchOutcome.TimedOut or FetchOutcome.Unreachable;

    /// <summary>The <c>X-Robots-Tag</c> header, when present.</summary>
    public string? RobotsHeader { get; init; }

    /// <summary>The document summary, present only for HTML pages.</summary>
    public HtmlSummary? Html { get; init; }

    /// <summary>The URL after every redirect.</summary>
    public Uri FinalUrl => Redirects.Count == 0 ? Url : Redirects[^1].To;

    /// <summary>True when the URL answered with an HTML document.</summary>
    public bool IsPage => Html is not null;
}
