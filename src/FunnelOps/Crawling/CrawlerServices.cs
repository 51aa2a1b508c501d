using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FunnelOps.Crawling;

/// <summary>Registers the crawl stage: one pooled HTTP client with retries, the fetcher and the crawler.</summary>
public static class CrawlerServices
{
    /// <summary>
    /// Adds <see cref="SiteCrawler"/> and its HTTP client: pooled connections, HTTP/1.1 and HTTP/2,
    /// gzip, deflate and brotli, no automatic redirects, and retries with exponential backoff and
    /// jitter for 429 and 5xx answers that honour <c>Retry-After</c>.
    /// </summary>
    public static IServiceCollection AddFunnelOpsCrawler(this IServiceCollection services)
    {
        services.AddHttpClient(HttpPageFetcher.ClientName, HttpPageFetcher.ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(HttpPageFetcher.ConfigureHandler)
            .AddResilienceHandler("funnelops-retry", (pipeline, context) =>
            {
                pipeline.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
                pipeline.AddRetry(RetryOptions());
            });
        services.AddSingleton<IPageFetcher>(provider => new HttpPageFetcher(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpPageFetcher.ClientName)));
        services.AddSingleton<SiteCrawler>();
        return services;
    }

    /// <summary>Three retries, 0.5 s doubling with jitter, at most 30 s apart, as long as the server asks.</summary>
    public static HttpRetryStrategyOptions RetryOptions() => new()
    {
        MaxRetryAttempts = 3,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(30),
        ShouldRetryAfterHeader = true,

        // A refused address stays refused: asking again would only repeat the refusal.
        ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Exception?.InnerException is not RefusedAddressException &&
            HttpClientResiliencePredicates.IsTransient(args.Outcome)),
    };

    /// <summary>
    /// Refuses connections to link-local addresses (169.254.0.0/16, fe80::/10), which is where
    /// cloud metadata services live: a crawled page or redirect must never reach them, whatever
    /// its host name resolves to.
    /// </summary>
    internal static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => !IsLinkLocal(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException(
                $"{context.DnsEndPoint.Host} points at a link-local address, which FunnelOps never connects to.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for 169.254.0.0/16 and fe80::/10, including IPv4 addresses mapped into IPv6.</summary>
    internal static bool IsLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] == 169 && bytes[1] == 254;
        }

        return address.IsIPv6LinkLocal;
    }

    /// <summary>A connection FunnelOps refuses to open, such as to a cloud metadata address.</summary>
    private sealed class RefusedAddressException(string message) : IOException(message);
}
