using FunnelOps.Publishing;

namespace FunnelOps.Prioritization;

/// <summary>One measured outcome of a past change; the ranking learns each playbook's confidence from these.</summary>
/// <param name="PlaybookId">The playbook whose finding the change fixed.</param>
/// <param name="Fingerprint">The finding's fingerprint.</param>
/// <param name="Week">The week the change was proposed.</param>
/// <param name="Outcome">What became of it.</param>
public sealed record OutcomeRecord(string PlaybookId, string Fingerprint, Week Week, ChangeOutcome Outcome);
