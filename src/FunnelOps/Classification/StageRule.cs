namespace FunnelOps.Classification;

/// <summary>A configured rule: pages whose path matches <see cref="Pattern"/> belong to <see cref="Stage"/>.</summary>
public sealed record StageRule
{
    /// <summary>A URL path pattern where <c>*</c> matches within a segment and <c>**</c> across segments.</summary>
    public required string Pattern { get; init; }

    /// <summary>The stage of the matching pages.</summary>
    public required Stage Stage { get; init; }
}
