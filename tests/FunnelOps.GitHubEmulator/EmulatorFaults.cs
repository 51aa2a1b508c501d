using System.Text.Json.Nodes;

namespace FunnelOps.GitHubEmulator;

/// <summary>
/// Failures the emulator injects on purpose, each armed for a number of requests matching a route key from
/// <see cref="GitHubRoutes"/> (or <see cref="GitHubRoutes.Any"/>). Armed failures fire in the order they were armed;
/// a request that carries no valid token is answered 401 before any of them.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<ArmedFault> _armed = [];
    private readonly Action<int> _hideNextCreated;
    private int _pushRejections;
    private string _pushRejectionMessage = "";

    internal EmulatorFaults(Action<int> hideNextCreated) => _hideNextCreated = hideNextCreated;

    /// <summary>How many armed failures have not fired yet (push rejections included).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _armed.Sum(f => f.Remaining) + _pushRejections;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests matching <paramref name="route"/> answer a server error.</summary>
    public void FailNext(string route, int count = 1, int statusCode = 502)
    {
        if (statusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A server error is 500-599.");
        }

        Arm(new ArmedFault(route, count, FaultKind.ServerError, statusCode, TimeSpan.Zero, null));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests hit GitHub's primary rate limit: <paramref name="statusCode"/>
    /// (403 or 429) with <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c> at now + <paramref name="resetAfter"/>
    /// (60 seconds by default).
    /// </summary>
    public void PrimaryRateLimitNext(string route, int count = 1, int statusCode = 403, TimeSpan? resetAfter = null)
    {
        if (statusCode is not (403 or 429))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "GitHub answers 403 or 429.");
        }

        Arm(new ArmedFault(route, count, FaultKind.PrimaryRateLimit, statusCode,
            resetAfter ?? TimeSpan.FromSeconds(60), null));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests hit a secondary rate limit: 403 with <c>Retry-After</c> of
    /// <paramref name="retryAfter"/> (30 seconds by default, whole seconds).
    /// </summary>
    public void SecondaryRateLimitNext(string route, int count = 1, TimeSpan? retryAfter = null) =>
        Arm(new ArmedFault(route, count, FaultKind.SecondaryRateLimit, 403,
            retryAfter ?? TimeSpan.FromSeconds(30), null));

    /// <summary>
    /// The next <paramref name="count"/> pushes are declined by the repository's pre-receive hook with
    /// <paramref name="message"/>, as a protected branch or a server-side policy would; nothing is written.
    /// </summary>
    public void RejectNextPush(string message = "Push declined by a repository rule.", int count = 1)
    {
        lock (_gate)
        {
            _pushRejections += count;
            _pushRejectionMessage = message;
        }
    }

    /// <summary>
    /// The next pull request created is missing from the next <paramref name="listCalls"/> pull request listings,
    /// as GitHub's listings can lag right after creation; getting it by number works.
    /// </summary>
    public void HideNextCreatedPullRequestFromList(int listCalls = 1) => _hideNextCreated(listCalls);

    /// <summary>
    /// Changes the JSON body of the next response to a matching request before it is sent (and checked against the
    /// OpenAPI description): for proving that a wrong shape is caught.
    /// </summary>
    public void TamperWithNextResponse(string route, Action<JsonNode> change) =>
        Arm(new ArmedFault(route, 1, FaultKind.Tamper, 0, TimeSpan.Zero, change));

    internal ArmedFault? Take(string routeKey, bool tamper)
    {
        lock (_gate)
        {
            var fault = _armed.Find(f => f.Remaining > 0 && (f.Kind == FaultKind.Tamper) == tamper
                && (f.Route == GitHubRoutes.Any || string.Equals(f.Route, routeKey, StringComparison.Ordinal)));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            _armed.RemoveAll(f => f.Remaining <= 0);
            return fault;
        }
    }

    internal string? TakePushRejection()
    {
        lock (_gate)
        {
            if (_pushRejections == 0)
            {
                return null;
            }

            _pushRejections--;
            return _pushRejectionMessage;
        }
    }

    private void Arm(ArmedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1, "count");
        if (fault.Route != GitHubRoutes.Any && !fault.Route.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{fault.Route}' is not a route key: use a GitHubRoutes constant such as \"{GitHubRoutes.CreatePullRequest}\".",
                nameof(fault));
        }

        lock (_gate)
        {
            _armed.Add(fault);
        }
    }
}

/// <summary>What an armed failure does.</summary>
internal enum FaultKind
{
    ServerError,
    PrimaryRateLimit,
    SecondaryRateLimit,
    Tamper,
}

/// <summary>One armed failure and how many more requests it answers.</summary>
internal sealed class ArmedFault(
    string route, int count, FaultKind kind, int statusCode, TimeSpan wait, Action<JsonNode>? change)
{
    public string Route { get; } = route;

    public int Remaining { get; set; } = count;

    public FaultKind Kind { get; } = kind;

    public int StatusCode { get; } = statusCode;

    public TimeSpan Wait { get; } = wait;

    public Action<JsonNode>? Change { get; } = change;
}
