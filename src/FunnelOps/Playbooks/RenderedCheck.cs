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
}
