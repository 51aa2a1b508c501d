using FunnelOps.Publishing;

namespace FunnelOps.Prioritization;

/// <summary>One past outcome and where it left a playbook's confidence.</summary>
/// <param name="Week">The week the change was proposed.</param>
/// <param name="Fingerprint">The finding the change fixed.</param>
/// <param name="Outcome">What became of the change.</param>
/// <param name="ConfidenceAfter">The playbook's confidence once this outcome was counted.</param>
public sealed record ConfidenceStep(Week Week, string Fingerprint, ChangeOutcome Outcome, double ConfidenceAfter);
