using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelOps.GitHubEmulator.Conformance;
using FunnelOps.GitHubEmulator.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunnelOps.GitHubEmulator;

/// <summary>
/// A stateful GitHub Enterprise for tests, on loopback: the REST API under <c>/api/v3/</c>, Git smart HTTP at
/// <c>/owner/repo.git</c> over a real bare repository, one accepted token, a control API to act as a human and read
/// state, and injected failures. Every JSON response is checked against GitHub's published OpenAPI description;
/// violations fail the test through <see cref="AssertConformant"/>, which <see cref="DisposeAsync"/> calls.
/// </summary>
public sealed partial class EmulatedGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;
    private readonly EmulatorState _state;
    private readonly GitHubJson _json;
    private readonly RestApi _api;
    private readonly RateLimitCounter _rateLimit;
    private readonly OpenApiDescription? _description;
    private readonly ConcurrentQueue<ConformanceViolation> _violations = new();
    private readonly Lock _logGate = new();
    private readonly List<RequestLogEntry> _log = [];
    private bool _disposed;

    private EmulatedGitHub(
        WebApplication app, string root, Uri address, EmulatedGitHubOptions options, BareRepository repository,
        OpenApiDescription? description)
    {
        _app = app;
        _root = root;
        BaseUrl = address;
        _state = new EmulatorState(options, repository);
        _json = new GitHubJson(address, options.Owner, options.Repository);
        _rateLimit = new RateLimitCounter(options.Time);
        _api = new RestApi(_state, _json, _rateLimit);
        _description = description;
        Faults = new EmulatorFaults(calls =>
        {
            lock (_state.Gate)
            {
                _state.HideNextCreatedFor = calls;
            }
        });
    }

    /// <summary>The server root, such as <c>http://127.0.0.1:41234/</c> (the web URLs of pull requests start here).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The REST API root for Octokit, <c>http://127.0.0.1:port/api/v3/</c>.</summary>
    public string ApiUrl => BaseUrl + "api/v3/";

    /// <summary>The repository's clone URL, <c>http://127.0.0.1:port/owner/repo.git</c> (never carries the token).</summary>
    public string CloneUrl => $"{BaseUrl}{Owner}/{RepositoryName}.git";

    /// <summary>The repository owner.</summary>
    public string Owner => _state.Options.Owner;

    /// <summary>The repository name.</summary>
    public string RepositoryName => _state.Options.Repository;

    /// <summary>The default branch.</summary>
    public string DefaultBranch => _state.Options.DefaultBranch;

    /// <summary>The one token the REST API and Git accept.</summary>
    public string Token => _state.Options.Token;

    /// <summary>The login the token belongs to.</summary>
    public string TokenOwner => _state.Options.TokenOwner;

    /// <summary>The login the human actions of the control API are attributed to.</summary>
    public string HumanLogin => _state.Options.HumanLogin;

    /// <summary>The bare repository's folder, for tests that inspect it with Git directly.</summary>
    public string BareRepositoryPath => _state.Repository.Path;

    /// <summary>Failures to inject into the next requests.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Starts an emulator with default options (<c>acme/site</c>, branch <c>main</c>).</summary>
    public static Task<EmulatedGitHub> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new EmulatedGitHubOptions(), cancellationToken);

    /// <summary>Starts an emulator on a free loopback port with an empty (or seeded) bare repository.</summary>
    public static async Task<EmulatedGitHub> StartAsync(
        EmulatedGitHubOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var description = options.ValidateResponses ? OpenApiDescription.Load(options.OpenApiDescriptionPath) : null;
        var root = Path.Combine(Path.GetTempPath(), "github-emulator-" + Guid.NewGuid().ToString("N")[..10]);
        var repository = BareRepository.Create(Path.Combine(root, options.Owner, options.Repository + ".git"),
            options.DefaultBranch);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        EmulatedGitHub? emulator = null;

        // The port is known only once Kestrel listens; nobody can call before this method returns the address.
        app.Run(context => emulator!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();

        emulator = new EmulatedGitHub(app, root, new Uri(address.TrimEnd('/') + "/"), options, repository, description);
        if (options.SeedFolder is not null)
        {
            emulator.Seed(options.SeedFolder);
        }

        return emulator;
    }

    /// <summary>Every request answered so far, in arrival order.</summary>
    public IReadOnlyList<RequestLogEntry> Requests
    {
        get
        {
            lock (_logGate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Responses so far that GitHub's OpenAPI description does not allow.</summary>
    public IReadOnlyList<ConformanceViolation> Violations => [.. _violations];

    /// <summary>Throws <see cref="OpenApiConformanceException"/> naming every response field GitHub would not send.</summary>
    public void AssertConformant()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            throw new OpenApiConformanceException(violations);
        }
    }

    /// <summary>Forgets the violations found so far (after a test that provoked them on purpose).</summary>
    public void ClearViolations() => _violations.Clear();

    /// <summary>Stops the server, deletes the repository, then fails when any response broke the OpenAPI description.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteFolder(_root);
        AssertConformant();
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary repository is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: the test's outcome is what matters.
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var path = raw.Split('?')[0];
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToList();
        if (segments.Count >= 2 && segments[0] == "api" && segments[1] == "v3")
        {
            await ServeRestAsync(context, path, segments[2..]);
            return;
        }

        if (GitRoute(context.Request.Method, segments) is { } git)
        {
            await ServeGitAsync(context, path, git.Key, git.PathInfo);
            return;
        }

        context.Response.StatusCode = 404;
        Record(context, path, null, authenticated: false, fault: null, body: null);
    }

    private (string Key, string PathInfo)? GitRoute(string method, List<string> segments)
    {
        if (segments.Count < 3 || !string.Equals(segments[0], Owner, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = segments[1].EndsWith(".git", StringComparison.Ordinal) ? segments[1][..^4] : segments[1];
        if (!string.Equals(name, RepositoryName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = string.Join('/', segments.Skip(2));
        var key = (method, rest) switch
        {
            ("GET", "info/refs") => GitHubRoutes.GitInfoRefs,
            ("POST", "git-upload-pack") => GitHubRoutes.GitUploadPack,
            ("POST", "git-receive-pack") => GitHubRoutes.GitReceivePack,
            _ => null,
        };
        return key is null ? null : (key, $"/{Owner}/{RepositoryName}.git/{rest}");
    }

    private async Task ServeGitAsync(HttpContext context, string path, string key, string pathInfo)
    {
        if (!IsGitTokenValid(context.Request.Headers.Authorization.ToString()))
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"GitHub\"";
            Record(context, path, key, authenticated: false, fault: null, body: null);
            return;
        }

        if (Faults.Take(key, tamper: false) is { } fault)
        {
            context.Response.StatusCode = fault.Kind == FaultKind.ServerError ? fault.StatusCode : 403;
            context.Response.ContentType = "text/plain; charset=utf-8";
            Record(context, path, key, authenticated: true, fault: fault.Kind.ToString(), body: null);
            await context.Response.WriteAsync(fault.Kind == FaultKind.ServerError
                ? "Internal Server Error\n"
                : "Rate limit exceeded. Please wait and try again.\n", context.RequestAborted);
            return;
        }

        var rejection = key == GitHubRoutes.GitReceivePack ? Faults.TakePushRejection() : null;
        if (key == GitHubRoutes.GitReceivePack)
        {
            lock (_state.Gate)
            {
                _state.PushedAt = _state.Now;
            }
        }

        Record(context, path, key, authenticated: true, fault: rejection is null ? null : "PushRejected", body: null);
        await GitHttpBackend.ServeAsync(context, Path.GetDirectoryName(Path.GetDirectoryName(BareRepositoryPath))!,
            pathInfo, TokenOwner, rejection);
    }

    private bool IsGitTokenValid(string authorization)
    {
        const string basic = "Basic ";
        if (authorization.StartsWith(basic, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[basic.Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 && pair[(colon + 1)..] == Token;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return IsRestTokenValid(authorization);
    }

    private bool IsRestTokenValid(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var scheme = authorization[..space];
        return (scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
                || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase))
            && authorization[(space + 1)..].Trim() == Token;
    }

    private async Task ServeRestAsync(HttpContext context, string path, List<string> segments)
    {
        var method = context.Request.Method;
        var match = _api.Routes.Match(method, segments);
        var key = match?.Key;
        var authorization = context.Request.Headers.Authorization.ToString();
        var authenticated = IsRestTokenValid(authorization);
        var usage = _rateLimit.Count();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-GitHub-Media-Type"] = "github.v3; format=json",
            ["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
            ["X-RateLimit-Limit"] = Text(usage.Limit),
            ["X-RateLimit-Remaining"] = Text(Math.Max(0, usage.Limit - usage.Used)),
            ["X-RateLimit-Reset"] = Text(usage.Reset),
            ["X-RateLimit-Used"] = Text(usage.Used),
            ["X-RateLimit-Resource"] = "core",
        };

        string? requestText = null;
        string? fault = null;
        ApiResponse response;
        if (!authenticated)
        {
            response = new ApiResponse(401, GitHubJson.Error(authorization.Length == 0 ? "Requires authentication" : "Bad credentials"));
        }
        else if (match is null)
        {
            response = new ApiResponse(404, GitHubJson.Error("Not Found"));
        }
        else if (Faults.Take(match.Value.Key, tamper: false) is { } armed)
        {
            fault = armed.Kind.ToString();
            response = FaultResponse(armed, headers);
        }
        else
        {
            requestText = await ReadBodyAsync(context.Request);
            response = Handle(context, match.Value.Handler, match.Value.Parameters, requestText);
        }

        if (response.Paginated && response.Body is JsonArray all)
        {
            response = Paginate(context.Request, path, all, headers);
        }

        if (key is not null && response.Body is not null && Faults.Take(key, tamper: true) is { Change: { } change })
        {
            change(response.Body);
        }

        if (_description is not null && key is not null)
        {
            var template = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            foreach (var violation in _description.Validate(method, template, response.Status, response.Body))
            {
                _violations.Enqueue(violation);
            }
        }

        Record(context, path, key, authenticated, fault, requestText);
        await WriteAsync(context, response, headers);
    }

    private ApiResponse Handle(
        HttpContext context, Func<ApiRequest, ApiResponse> handler, Dictionary<string, string> parameters,
        string? requestText)
    {
        JsonNode? body = null;
        if (!string.IsNullOrWhiteSpace(requestText))
        {
            try
            {
                body = JsonNode.Parse(requestText);
            }
            catch (JsonException)
            {
                return new ApiResponse(400, GitHubJson.Error("Problems parsing JSON"));
            }
        }

        lock (_state.Gate)
        {
            return handler(new ApiRequest(parameters, context.Request.Query, body, _state.Bot));
        }
    }

    private ApiResponse FaultResponse(ArmedFault fault, Dictionary<string, string> headers)
    {
        switch (fault.Kind)
        {
            case FaultKind.PrimaryRateLimit:
                headers["X-RateLimit-Remaining"] = "0";
                headers["X-RateLimit-Used"] = headers["X-RateLimit-Limit"];
                headers["X-RateLimit-Reset"] = Text(_state.Now.Add(fault.Wait).ToUnixTimeSeconds());
                var limited = GitHubJson.Error($"API rate limit exceeded for user ID {_state.Bot.Id}.");
                limited["documentation_url"] =
                    "https://docs.github.com/enterprise-server@3.19/rest/overview/rate-limits-for-the-rest-api";
                return new ApiResponse(fault.StatusCode, limited);
            case FaultKind.SecondaryRateLimit:
                headers["Retry-After"] = Text((long)Math.Ceiling(fault.Wait.TotalSeconds));
                var secondary = GitHubJson.Error("You have exceeded a secondary rate limit. Please wait a few minutes "
                    + "before you try again. If you reach out to GitHub Support for help, please include the request ID "
                    + headers["X-GitHub-Request-Id"] + ".");
                secondary["documentation_url"] =
                    "https://docs.github.com/enterprise-server@3.19/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
                return new ApiResponse(fault.StatusCode, secondary);
            default:
                return new ApiResponse(fault.StatusCode, GitHubJson.Error("Server Error"));
        }
    }

    private ApiResponse Paginate(HttpRequest request, string path, JsonArray all, Dictionary<string, string> headers)
    {
        var perPage = Math.Clamp(int.TryParse(request.Query["per_page"], out var p) ? p : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(request.Query["page"], out var n) ? n : 1);
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).Select(i => i!.DeepClone()).ToArray();

        string Url(int target)
        {
            var query = request.Query.Where(q => q.Key is not ("page" or "per_page"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"per_page={perPage}").Append($"page={target}");
            return $"{BaseUrl.ToString().TrimEnd('/')}{path}?{string.Join('&', query)}";
        }

        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{Url(page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(1)}>; rel=\"first\"");
            links.Add($"<{Url(Math.Min(page - 1, last))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            headers["Link"] = string.Join(", ", links);
        }

        return new ApiResponse(200, new JsonArray(items));
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || request.Method is "GET" or "HEAD")
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return text.Length == 0 ? null : text;
    }

    private static async Task WriteAsync(HttpContext context, ApiResponse response, Dictionary<string, string> headers)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Status == 201 && response.Body?["url"] is JsonValue location)
        {
            context.Response.Headers.Location = location.ToString();
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted);
        }
    }

    // The entry is added as the response starts, before the client can read any of it: a test that
    // looks at the log right after a call returns always finds that call, with its final status code.
    private void Record(HttpContext context, string path, string? key, bool authenticated, string? fault, string? body)
    {
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";
        var at = _state.Now;
        void Add()
        {
            var entry = new RequestLogEntry(at, context.Request.Method, path, query, key,
                context.Response.StatusCode, authenticated, fault, body);
            lock (_logGate)
            {
                _log.Add(entry);
            }
        }

        if (context.Response.HasStarted)
        {
            Add();
            return;
        }

        context.Response.OnStarting(() =>
        {
            Add();
            return Task.CompletedTask;
        });
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
