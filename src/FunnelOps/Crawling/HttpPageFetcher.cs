using System.Net.Http.Headers;

namespace FunnelOps.Crawling;

/// <summary>Fetches URLs with a pooled <see cref="HttpClient"/> that never follows redirects itself.</summary>
public sealed class HttpPageFetcher : IPageFetcher
{
    /// <summary>The name of the HttpClient registration this fetcher uses.</summary>
    public const string ClientName = "FunnelOps.Crawl";

    private readonly HttpClient _client;

    /// <summary>Creates a fetcher over a client configured by <see cref="ConfigureHandler"/>.</summary>
    public HttpPageFetcher(HttpClient client)
    {
        _client = client;
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
            using var response = await _client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

            var (body, truncated) = await ReadBoundedAsync(response.Content, maxBodyBytes, cancellationToken);
            var contentType = response.Content.Headers.ContentType;
            return new FetchResponse
            {
                Status = (int)response.StatusCode,
                ContentType = contentType?.MediaType,
                Charset = contentType?.CharSet,
                Location = response.Headers.Location?.OriginalString,
                RobotsHeader = JoinHeader(response.Headers, "X-Robots-Tag"),
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
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            var room = maxBytes - buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, (int)room);
                return (buffer.ToArray(), true);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static string? JoinHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
