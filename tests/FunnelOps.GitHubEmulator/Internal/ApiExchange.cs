using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>A REST request as the handlers see it: route parameters, query, parsed JSON body and the caller.</summary>
internal sealed record ApiRequest(
    IReadOnlyDictionary<string, string> Parameters, IQueryCollection Query, JsonNode? Body, UserRecord Caller)
{
    public string Parameter(string name) => Parameters[name];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public string? BodyString(string name) =>
        Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool HasBodyField(string name) => Body is JsonObject o && o.ContainsKey(name);

    public IReadOnlyList<string>? BodyStrings(string name)
    {
        var node = Body is JsonArray ? Body : (Body as JsonObject)?[name];
        return node is JsonArray array
            ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? "")]
            : null;
    }
}

/// <summary>A REST answer: status and JSON body; list answers are paginated by the pipeline.</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body)
{
    /// <summary>True for a list the pipeline cuts into pages (<c>page</c>, <c>per_page</c>, <c>Link</c>).</summary>
    public bool Paginated { get; init; }
}
