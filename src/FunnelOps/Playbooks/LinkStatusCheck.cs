namespace FunnelOps.Playbooks;

/// <summary>Internal links must reach a page directly: no error status, at most <see cref="MaxRedirects"/> hops.</summary>
public sealed record LinkStatusCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "link-status";

    /// <summary>True to report links whose target answers 4xx or 5xx or does not answer.</summary>
    public bool Broken { get; init; } = true;

    /// <summary>The most redirect hops a link may go through; null to ignore redirects.</summary>
    public int? MaxRedirects { get; init; }
}
