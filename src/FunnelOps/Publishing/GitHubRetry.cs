using System.Globalization;
using Microsoft.Extensions.Logging;
using Octokit;

namespace FunnelOps.Publishing;

/// <summary>
/// Retries GitHub calls the way GitHub asks: after <c>Retry-After</c> for a secondary rate limit, until
/// <c>x-ratelimit-reset</c> for the primary one, and with growing pauses after server errors and dropped
/// connections. A wait longer than <see cref="MaxWait"/> is not sat out: the run stops with a clear message.
/// </summary>
public sealed class GitHubRetry
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the policy over a clock (waits use it, so tests can advance it).</summary>
    public GitHubRetry(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>How many times one call is tried in all.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The longest single wait before giving up.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Runs <paramref name="call"/>, retrying what is worth retrying.</summary>
    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            string reason;
            try
            {
                return await call();
            }
            catch (ApiException exception) when (attempt < MaxAttempts && WaitFor(exception, attempt) is { } decided)
            {
                (wait, reason) = decided;
            }
            catch (HttpRequestException exception) when (attempt < MaxAttempts)
            {
                (wait, reason) = (Backoff(attempt), "the connection failed: " + exception.Message);
            }

            if (wait > MaxWait)
            {
                throw new CodeHostException($"GitHub asked FunnelOps to wait {wait.TotalMinutes:0} minutes before " +
                    $"it may {operation} ({reason}). Nothing more was changed; run again later.");
            }

            PublishLog.Retrying(_logger, operation, wait.TotalSeconds, reason);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="call"/>, retrying what is worth retrying.</summary>
    public Task RunAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    private (TimeSpan Wait, string Reason)? WaitFor(ApiException exception, int attempt)
    {
        var headers = exception.HttpResponse?.Headers;
        if (Header(headers, "Retry-After") is { } retryAfter &&
            int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return (TimeSpan.FromSeconds(Math.Max(seconds, 1)), "a secondary rate limit");
        }

        if (Header(headers, "x-ratelimit-remaining") == "0" &&
            long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture,
                out var reset))
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(reset) - _time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return (until < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : until, "the hourly rate limit");
        }

        var status = (int)exception.StatusCode;
        return status >= 500 ? (Backoff(attempt), $"GitHub answered {status}") : null;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));

    private static string? Header(IReadOnlyDictionary<string, string>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
