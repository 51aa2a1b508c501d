namespace FunnelOps.Prioritization;

/// <summary>One page's part of an impact figure.</summary>
/// <param name="Url">The page.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="WeeklyVisits">Visits per week, measured or estimated.</param>
/// <param name="ValuePerVisit">Qualified pipeline one visit is worth at that stage.</param>
public sealed record PageValue(Uri Url, Stage Stage, double WeeklyVisits, double ValuePerVisit);
