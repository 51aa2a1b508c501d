namespace FunnelOps.GitHubEmulator;

/// <summary>One request the emulator answered, in arrival order.</summary>
/// <param name="At">When it arrived (the emulator's clock).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query string without <c>?</c>, empty when none.</param>
/// <param name="Route">The matched route key (see <see cref="GitHubRoutes"/>), or null when none matched.</param>
/// <param name="StatusCode">The status sent.</param>
/// <param name="Authenticated">Whether it carried the right token.</param>
/// <param name="Fault">The injected failure that answered it, if one did.</param>
/// <param name="RequestBody">The JSON body of a REST request, if any (Git bodies are not kept).</param>
public sealed record RequestLogEntry(
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    string? Route,
    int StatusCode,
    bool Authenticated,
    string? Fault,
    string? RequestBody);
