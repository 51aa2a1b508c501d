using FunnelOps.Playbooks;

namespace FunnelOps.Prioritization;

/// <summary>One finding in the backlog, with its rank and impact.</summary>
/// <param name="Rank">1 for the finding with the highest impact.</param>
/// <param name="Finding">The finding.</param>
/// <param name="Impact">Its projected qualified pipeline per week and the inputs.</param>
public sealed record BacklogItem(int Rank, Finding Finding, Impact Impact)
{
    /// <summary>True when a built-in fixer can resolve the finding.</summary>
    public bool HasFix => Finding.Playbook.Fix is not null;
}
