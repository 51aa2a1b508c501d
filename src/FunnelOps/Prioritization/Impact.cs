namespace FunnelOps.Prioritization;

/// <summary>
/// A finding's projected qualified pipeline per week and every input behind it, so that a
/// reviewer can recompute it by hand: sum over pages of visits x value per visit x the page's
/// signal factors, then x uplift x confidence / effort.
/// </summary>
public sealed record Impact
{
    /// <summary>The projected qualified pipeline per week, in <see cref="Currency"/>.</summary>
    public required double PerWeek { get; init; }

    /// <summary>The currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Each affected page's weekly visits and the value of one visit.</summary>
    public required IReadOnlyList<PageValue> Pages { get; init; }

    /// <summary>True when visits were estimated from the link graph (for any page) rather than read from analytics.</summary>
    public required bool VisitsEstimated { get; init; }

    /// <summary>The playbook's expected uplift.</summary>
    public required double Uplift { get; init; }

    /// <summary>The playbook's confidence: the declared one, or the one learned from past outcomes.</summary>
    public required double Confidence { get; init; }

    /// <summary>The playbook's effort.</summary>
    public required double Effort { get; init; }

    /// <summary>How the confidence was learned from past outcomes; null when it is the declared one, unchanged.</summary>
    public PlaybookConfidence? Learning { get; init; }

    /// <summary>"measured" when every page's visits come from analytics, "estimated" when none do, else "mixed".</summary>
    public string VisitsSource => Pages.Count > 0 && Pages.All(p => p.VisitsMeasured) ? "measured"
        : Pages.Any(p => p.VisitsMeasured) ? "mixed" : "estimated";

    /// <summary>Weekly visits to all affected pages.</summary>
    public double WeeklyVisits => Pages.Sum(p => p.WeeklyVisits);

    /// <summary>Qualified pipeline per week that flows through the affected pages today.</summary>
    public double PipelineAtStake => Pages.Sum(p => p.WeeklyVisits * p.ValuePerVisit);

    /// <summary>The pipeline at stake with each page's signal factors applied; equal to <see cref="PipelineAtStake"/> without signals.</summary>
    public double WeightedPipelineAtStake => Pages.Sum(p => p.WeeklyVisits * p.ValuePerVisit * p.Weight);
}
