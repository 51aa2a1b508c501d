namespace FunnelOps.Prioritization;

/// <summary>One page's part of an impact figure.</summary>
/// <param name="Url">The page.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="WeeklyVisits">Visits per week, measured or estimated.</param>
/// <param name="ValuePerVisit">Qualified pipeline one visit is worth at that stage.</param>
public sealed record PageValue(Uri Url, Stage Stage, double WeeklyVisits, double ValuePerVisit)
{
    /// <summary>True when the visits come from the team's analytics export, false when estimated from links.</summary>
    public bool VisitsMeasured { get; init; }

    /// <summary>The factors the page's signals put on this finding (see <see cref="SignalMultipliers"/>).</summary>
    public IReadOnlyList<ImpactMultiplier> Multipliers { get; init; } = [];

    /// <summary>The product of <see cref="Multipliers"/>; 1 without any.</summary>
    public double Weight => Multipliers.Aggregate(1.0, (product, m) => product * m.Factor);
}
