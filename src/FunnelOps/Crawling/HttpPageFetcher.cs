using System.Net.Http.Headers;

namespace FunnelOps.Crawling;

/// <summary>Fetches URLs with a pooled <see cref="HttpClient"/> that never follows redirects itself.</summary>
public sealed class HttpPageFetcher : IPageFetcher
{
    /// <summary>The name of the HttpClient registration this fetcher uses.</summary>
    public const string ClientName = "FunnelOps.Crawl";

    // The response headers kept with every URL: search directives, caching and security.
    private static readonly string[] KeptHeaders =
    [
        "X-Robots-Tag", "Cache-Control", "ETag", "Last-Modified", "Expires", "Age", "Vary", "Link",
        "Strict-Transport-Security", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
        "Referrer-Policy", "Permissions-Policy", "Content-Encoding", "Content-Language", "Server",
    ];

    private static readonly string[] KeptHeaderKeys = [.. KeptHeaders.Select(h => h.ToLowerInvariant())];

    private readonly HttpClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates a fetcher over a client configured by <see cref="ConfigureHandler"/>.</summary>
    public HttpPageFetcher(HttpClient client, TimeProvider? time = null)
    {
        _client = client;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The user agent every request sends.</summary>
    public static string UserAgent { get; } =
        $"FunnelOps/{typeof(HttpPageFetcher).Assembly.GetName().Version?.ToString(3)} (+https://github.com/funnelops/funnelops)";

    /// <summary>
    /// The handler settings the crawl relies on: no automatic redirects, decompression on, no
    /// cookies, and no connections to link-local addresses.
    /// </summary>
    public static SocketsHttpHandler ConfigureHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = 16,
        UseCookies = false,
        ConnectCallback = CrawlerServices.ConnectAsync,
    };

    /// <summary>Creates a client for <see cref="ConfigureHandler"/>'s handler with the FunnelOps user agent.</summary>
    public static void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        client.DefaultRequestVersion = System.Net.HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <inheritdoc />
    public async Task<FetchResponse> FetchAsync(Uri url, long maxBodyBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url)
            {
                Version = _client.DefaultRequestVersion,
                VersionPolicy = _client.DefaultVersionPolicy,
            };
            var started = _time.GetTimestamp();
            using var response = await _client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var firstByte = _time.GetElapsedTime(started);

            var (body, truncated) = await ReadBoundedAsync(response.Content, maxBodyBytes, cancellationToken);
            var contentType = response.Content.Headers.ContentType;
            return new FetchResponse
            {
                Status = (int)response.StatusCode,
                ContentType = contentType?.MediaType?.ToLowerInvariant(),
                Charset = contentType?.CharSet,
                Location = response.Headers.Location?.OriginalString,
                RobotsHeader = JoinHeader(response.Headers, "X-Robots-Tag"),
                Headers = KeepHeaders(response),
                TimeToFirstByte = firstByte,
                RetryAfter = RetryAfterOf(response),
                Body = body,
                Truncated = truncated,
            };
        }
        catch (HttpRequestException exception)
        {
            return new FetchResponse { Status = 0, Error = $"The server could not be reached: {exception.Message}" };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResponse { Status = 0, Error = "The server did not answer in time." };
        }
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadBoundedAsync(
        HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);

        // A declared length within the limit is read straight into a buffer of that size; the
        // declaration is not trusted beyond it, since the stream ends where the body ends.
        var initial = content.Headers.ContentLength is { } length && length <= maxBytes ? (int)length : 16 * 1024;
        var buffer = new byte[Math.Max(1, Math.Min(initial, (int)Math.Min(maxBytes + 1, int.MaxValue)))];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // Full: look one byte ahead before growing, so an exactly sized body is not copied.
                var next = new byte[1];
                if (await stream.ReadAsync(next, cancellationToken) == 0)
                {
                    return (buffer, false);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                buffer[filled++] = next[0];
                if (filled > maxBytes)
                {
                    return (buffer[..(int)maxBytes], true);
                }
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return filled == buffer.Length ? (buffer, false) : (buffer[..filled], false);
            }

            filled += read;
            if (filled > maxBytes)
            {
                return (buffer[..(int)maxBytes], true);
            }
        }
    }

    private static Dictionary<string, string> KeepHeaders(HttpResponseMessage response)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < KeptHeaders.Length; i++)
        {
            var value = JoinHeader(response.Headers, KeptHeaders[i]) ?? JoinContentHeader(response.Content.Headers, KeptHeaders[i]);
            if (value is not null)
            {
                kept[KeptHeaderKeys[i]] = value.Length <= 500 ? value : value[..500];
            }
        }

        return kept;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    private static string? JoinContentHeader(HttpContentHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static string? JoinHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
