using FunnelOps.Measuring;

namespace FunnelOps.Publishing;

/// <summary>What publishing to GitHub did in one run.</summary>
public sealed record GitHubPublication
{
    /// <summary>What the cadence decided, in a sentence for the person running FunnelOps.</summary>
    public required string Decision { get; init; }

    /// <summary>The pull request opened or refreshed, when any.</summary>
    public HostedPullRequest? PullRequest { get; init; }

    /// <summary>The backlog issue's number, when it was written.</summary>
    public int? BacklogIssue { get; init; }

    /// <summary>The outcomes measured in this run.</summary>
    public IReadOnlyList<MeasuredOutcome> Outcomes { get; init; } = [];
}
