using FunnelOps.Prioritization;

namespace FunnelOps.Fixes;

/// <summary>The fix chosen this week, if any, and the better-ranked items passed over, with reasons.</summary>
/// <param name="Fix">The fix, or null when no item could be fixed.</param>
/// <param name="PassedOver">Items ranked above the fixed one (or all fixable ones) that were not fixed, and why.</param>
public sealed record FixPlan(Fix? Fix, IReadOnlyList<(BacklogItem Item, string Reason)> PassedOver);
