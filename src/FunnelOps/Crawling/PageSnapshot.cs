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

    /// <summary>The <c>X-Robots-Tag</c> header, when present.</summary>
    public string? RobotsHeader { get; init; }

    /// <summary>The document summary, present only for HTML pages.</summary>
    public HtmlSummary? Html { get; init; }

    /// <summary>The URL after every redirect.</summary>
    public Uri FinalUrl => Redirects.Count == 0 ? Url : Redirects[^1].To;

    /// <summary>True when the URL answered with an HTML document.</summary>
    public bool IsPage => Html is not null;
}
