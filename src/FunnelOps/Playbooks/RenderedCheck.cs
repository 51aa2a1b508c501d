using System.Globalization;
using FunnelOps.Crawling;
using FunnelOps.Rendering;

namespace FunnelOps.Playbooks;

/// <summary>A metric measured in the browser must stay within a threshold.</summary>
public sealed record RenderedCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "rendered";

    /// <summary>The metric name (see <c>RenderMetrics</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>The highest acceptable value.</summary>
    public required double Max { get; init; }

    /// <summary>
    /// Judges <paramref name="page"/> on its own render or, when it was not rendered, on the sampled
    /// pages of its template: a template's problem is reported on its unrendered pages only when
    /// every sampled page of that template has it, so that one page's content is not taken for the
    /// layout's. Returns the evidence lines and the elements behind them; none when the page passes.
    /// </summary>
    public (IReadOnlyList<string> Evidence, IReadOnlyList<string> Elements, bool Own) Judge(TemplateRenders renders, PageSnapshot page)
    {
        ArgumentNullException.ThrowIfNull(renders);
        var (found, own) = renders.For(page);
        var measured = found
            .Select(r => (Render: r, Value: r.Error is null && r.Metrics.TryGetValue(Metric, out var v) ? v : (double?)null))
            .ToList();
        if (measured.Count == 0 || measured.Any(m => m.Value is not { } value || value <= Max))
        {
            return ([], [], own);
        }

        var first = measured[0];
        var elements = first.Render.Evidence.GetValueOrDefault(Metric) ?? [];
        var headline = Message ?? $"{Metric} is {Show(first.Value!.Value)} on a phone; the limit is {Show(Max)}.";
        var detail = elements.Count == 0 ? "" : $" Elements: {string.Join("; ", elements.Take(5).Select(e => $"`{e}`"))}";
        if (own)
        {
            return ([$"{headline} Measured on a phone: {Show(first.Value!.Value)}.{detail}"], elements, true);
        }

        var samples = string.Join(", ", measured.Take(5).Select(m => $"{m.Render.Url.AbsolutePath} ({Show(m.Value!.Value)})"));
        return ([$"{headline} This page was not rendered; the pages built from the same template were, and every one " +
            $"of them has the problem: {samples}.{detail}"], elements, false);
    }

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
