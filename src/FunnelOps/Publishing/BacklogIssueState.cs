using System.Text.Json.Serialization;
using FunnelOps.Measuring;

namespace FunnelOps.Publishing;

/// <summary>What the backlog issue remembers between runs, in its hidden block: the changes already measured.</summary>
public sealed record BacklogIssueState
{
    /// <summary>The outcomes measured so far, oldest first.</summary>
    [JsonPropertyName("outcomes")]
    public IReadOnlyList<MeasuredOutcome> Outcomes { get; init; } = [];
}
