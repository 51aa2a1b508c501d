namespace FunnelOps.Prioritization;

/// <summary>
/// A factor a page's signals put on a finding's impact, with the figures behind it, so a reader
/// can redo the multiplication.
/// </summary>
/// <param name="Name">A short name: <c>mobile-bounce-gap</c>, <c>striking-distance</c> or <c>ad-spend</c>.</param>
/// <param name="Factor">The factor, 1 or more.</param>
/// <param name="Reason">The formula with the page's figures filled in, in a marketer's words.</param>
public sealed record ImpactMultiplier(string Name, double Factor, string Reason);
