namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>
/// Matches request paths against route keys written as in GitHub's OpenAPI description
/// (<c>GET /repos/{owner}/{repo}/pulls/{pull_number}</c>). A <c>{ref}</c> or <c>{branch}</c> parameter at the end
/// takes the rest of the path, slashes included, as GitHub does for <c>heads/feature/x</c>.
/// </summary>
internal sealed class RouteTable<THandler>
{
    private readonly List<(string Key, string Method, string[] Segments, THandler Handler)> _routes = [];

    public void Add(string key, THandler handler)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        _routes.Add((key, key[..space], key[(space + 1)..].Trim('/').Split('/'), handler));
    }

    /// <summary>Finds the route for a method and decoded path segments, with the values of its parameters.</summary>
    public (string Key, THandler Handler, Dictionary<string, string> Parameters)? Match(
        string method, IReadOnlyList<string> segments)
    {
        foreach (var (key, routeMethod, template, handler) in _routes)
        {
            if (string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase)
                && TryBind(template, segments) is { } parameters)
            {
                return (key, handler, parameters);
            }
        }

        return null;
    }

    private static Dictionary<string, string>? TryBind(string[] template, IReadOnlyList<string> segments)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            var isParameter = part.StartsWith('{') && part.EndsWith('}');
            var name = isParameter ? part[1..^1] : "";
            var greedy = isParameter && i == template.Length - 1 && name is "ref" or "branch";
            if (i >= segments.Count)
            {
                return null;
            }

            if (!isParameter)
            {
                if (!string.Equals(part, segments[i], StringComparison.Ordinal))
                {
                    return null;
                }

                continue;
            }

            parameters[name] = greedy ? string.Join('/', segments.Skip(i)) : segments[i];
            if (greedy)
            {
                return parameters[name].Length == 0 ? null : parameters;
            }
        }

        return segments.Count == template.Length ? parameters : null;
    }
}
