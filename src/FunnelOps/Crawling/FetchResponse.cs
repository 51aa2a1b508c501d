namespace FunnelOps.Crawling;

/// <summary>One HTTP response, with its body bounded.</summary>
public sealed record FetchResponse
{
    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public required int Status { get; init; }

    /// <summary>The media type, without parameters.</summary>
    public string? ContentType { get; init; }

    /// <summary>The charset parameter of the content type, when present.</summary>
    public string? Charset { get; init; }

    /// <summary>The <c>Location</c> header, when present.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>X-Robots-Tag</c> header, when present.</summary>
    public string? RobotsHeader { get; init; }

    /// <summary>The body bytes read, at most the limit asked for.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>True when the body was longer than the limit and was cut.</summary>
    public bool Truncated { get; init; }

    /// <summary>Why there is no usable response.</summary>
    public string? Error { get; init; }

    /// <summary>The response headers that matter for search, caching and security, by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Time from sending the request to the response headers.</summary>
    public TimeSpan TimeToFirstByte { get; init; }

    /// <summary>The <c>Retry-After</c> delay the server asked for, when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
