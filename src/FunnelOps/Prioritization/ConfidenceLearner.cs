namespace FunnelOps.Prioritization;

/// <summary>
/// Learns each playbook's confidence from the measured outcomes of its past changes. The prior is
/// a Beta distribution centred on the playbook's declared confidence and worth
/// <see cref="PriorWeight"/> outcomes: alpha = declared x 4, beta = (1 - declared) x 4. Each
/// outcome then adds to it: a change merged that improved the page adds 1 to alpha; one merged
/// without a measurable effect adds 0.5 to beta (the reviewer agreed, but nothing moved, which is
/// partly noise); one closed unmerged adds 1 to beta (a reviewer said no). The confidence is the
/// mean, alpha / (alpha + beta). A playbook declared at 0.8 drops to 0.64 after one rejection
/// (3.2 / 5) and rises to 0.84 after one success (4.2 / 5).
/// </summary>
public static class ConfidenceLearner
{
    /// <summary>How many outcomes the declared confidence is worth.</summary>
    public const double PriorWeight = 4;

    /// <summary>What a change merged that improved the page adds to alpha.</summary>
    public const double ImprovedWeight = 1;

    /// <summary>What a change merged without a measurable effect adds to beta.</summary>
    public const double NoEffectWeight = 0.5;

    /// <summary>What a change closed unmerged adds to beta.</summary>
    public const double RejectedWeight = 1;

    /// <summary>The confidence of <paramref name="playbookId"/> after its outcomes among <paramref name="outcomes"/>.</summary>
    public static PlaybookConfidence Learn(string playbookId, double declared, IEnumerable<OutcomeRecord> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var prior = Math.Clamp(declared, 0.01, 0.99);
        var alpha = prior * PriorWeight;
        var beta = (1 - prior) * PriorWeight;
        var history = new List<ConfidenceStep>();
        var own = outcomes
            .Where(o => o.PlaybookId == playbookId)
            .OrderBy(o => o.Week.Year).ThenBy(o => o.Week.Number)
            .ThenBy(o => o.Fingerprint, StringComparer.Ordinal);
        foreach (var outcome in own)
        {
            switch (outcome.Outcome)
            {
                case ChangeOutcome.MergedImproved:
                    alpha += ImprovedWeight;
                    break;
                case ChangeOutcome.MergedNoEffect:
                    beta += NoEffectWeight;
                    break;
                case ChangeOutcome.Rejected:
                    beta += RejectedWeight;
                    break;
            }

            history.Add(new ConfidenceStep(outcome.Week, outcome.Fingerprint, outcome.Outcome, alpha / (alpha + beta)));
        }

        return new PlaybookConfidence
        {
            PlaybookId = playbookId,
            Declared = declared,
            Current = history.Count == 0 ? declared : alpha / (alpha + beta),
            Alpha = alpha,
            Beta = beta,
            History = history,
        };
    }
}
