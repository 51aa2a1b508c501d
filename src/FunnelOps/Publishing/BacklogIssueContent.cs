using FunnelOps.Prioritization;

namespace FunnelOps.Publishing;

/// <summary>What the backlog issue shows.</summary>
public sealed record BacklogIssueContent
{
    /// <summary>The week of the run.</summary>
    public required Week Week { get; init; }

    /// <summary>The ranked backlog.</summary>
    public required IReadOnlyList<BacklogItem> Backlog { get; init; }

    /// <summary>Markdown, written by FunnelOps: this week's change, or why none was opened.</summary>
    public required string ThisWeek { get; init; }

    /// <summary>The remembered outcomes.</summary>
    public required BacklogIssueState State { get; init; }

    /// <summary>The boxes ticked so far, kept ticked.</summary>
    public BacklogSteering Steering { get; init; } = BacklogSteering.None;

    /// <summary>Markdown lines, written by FunnelOps, one per rejected finding.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>Problems of this run (plain text; escaped when written).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
