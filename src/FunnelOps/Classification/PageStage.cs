namespace FunnelOps.Classification;

/// <summary>The stage given to one page, and why.</summary>
/// <param name="Url">The page.</param>
/// <param name="Stage">Its funnel stage.</param>
/// <param name="Reason">A short sentence a marketer can check, such as "URL contains /pricing".</param>
public sealed record PageStage(Uri Url, Stage Stage, string Reason);
