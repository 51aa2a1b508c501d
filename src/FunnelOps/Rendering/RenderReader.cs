using System.Text.Json;

namespace FunnelOps.Rendering;

/// <summary>Turns what the measuring script returned, and what the page did, into a <see cref="RenderResult"/>.</summary>
internal static class RenderReader
{
    public static RenderResult Read(Uri url, JsonElement json, string html, PageWatch watch)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in json.GetProperty("metrics").EnumerateObject())
        {
            metrics[property.Name] = property.Value.GetDouble();
        }

        foreach (var property in json.GetProperty("evidence").EnumerateObject())
        {
            evidence[property.Name] = [.. property.Value.EnumerateArray().Select(e => e.GetString() ?? "").Take(10)];
        }

        var facts = json.GetProperty("facts");
        var lcpUrl = facts.GetProperty("lcpUrl").GetString() ?? "";
        var lcpSrc = facts.GetProperty("lcpSrc").GetString() ?? "";
        metrics[RenderMetrics.LcpDiscoveredLate] = DiscoveredLate(lcpUrl, lcpSrc, html) ? 1 : 0;
        if (metrics[RenderMetrics.LcpDiscoveredLate] > 0)
        {
            evidence[RenderMetrics.LcpDiscoveredLate] = [$"The image {Cut(lcpUrl)} is not named in the HTML the server sent."];
        }

        metrics[RenderMetrics.ConsoleErrors] = watch.ConsoleErrorCount;
        evidence[RenderMetrics.ConsoleErrors] = watch.ConsoleErrors;
        metrics[RenderMetrics.FailedRequests] = watch.FailedRequestCount;
        evidence[RenderMetrics.FailedRequests] = watch.FailedRequests;
        return new RenderResult { Url = url, Metrics = metrics, Evidence = evidence, Notes = watch.Notes };
    }

    // An image is discovered late when neither its src attribute nor its address appears in the HTML
    // the server sent: a script or stylesheet adds it, after they have loaded. Without the HTML
    // (a streaming response) nothing is claimed.
    private static bool DiscoveredLate(string lcpUrl, string lcpSrc, string html)
    {
        if (lcpUrl.Length == 0 || html.Length == 0 || lcpUrl.StartsWith("data:", StringComparison.Ordinal))
        {
            return false;
        }

        if (lcpSrc.Length > 0 && html.Contains(lcpSrc, StringComparison.Ordinal))
        {
            return false;
        }

        var path = Uri.TryCreate(lcpUrl, UriKind.Absolute, out var address) ? address.AbsolutePath : lcpUrl;
        return !html.Contains(path, StringComparison.Ordinal) && !html.Contains(Uri.UnescapeDataString(path), StringComparison.Ordinal);
    }

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
