using FunnelOps.Prioritization;
using FunnelOps.Publishing;

namespace FunnelOps.Measuring;

/// <summary>
/// Measures a merged or rejected change: is its finding still found on the deployed site, and how did the pages'
/// rendered metrics and signals move from the figures kept in its pull request?
/// </summary>
public static class OutcomeMeasurer
{
    /// <summary>The outcome of the change <paramref name="pullRequest"/> against this run's findings and figures.</summary>
    public static MeasuredOutcome Measure(
        HostedPullRequest pullRequest, ChangeState state, IReadOnlySet<string> fingerprintsFoundNow,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> figuresNow)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        return Measure(pullRequest.Number, pullRequest.IsRejected, state, fingerprintsFoundNow, figuresNow);
    }

    /// <summary>
    /// The outcome of change <paramref name="number"/>, merged or (when <paramref name="rejected"/>) closed without
    /// merging, against this run's findings and figures. Local runs number their changes in the state file.
    /// </summary>
    public static MeasuredOutcome Measure(
        int number, bool rejected, ChangeState state, IReadOnlySet<string> fingerprintsFoundNow,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> figuresNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fingerprintsFoundNow);
        ArgumentNullException.ThrowIfNull(figuresNow);
        var changes = new List<FigureChange>();
        foreach (var (page, before) in state.Before)
        {
            if (!figuresNow.TryGetValue(page, out var after))
            {
                continue;
            }

            changes.AddRange(before.Where(b => after.ContainsKey(b.Key))
                .Select(b => new FigureChange(page, b.Key, b.Value, after[b.Key])));
        }

        if (rejected)
        {
            return new MeasuredOutcome(number, state.Week, state.Playbook, state.Fingerprints,
                ChangeOutcome.Rejected, false, changes);
        }

        var stillFound = state.Fingerprints.Any(fingerprintsFoundNow.Contains);
        var worse = changes.Any(c => c.Verdict < 0) && !changes.Any(c => c.Verdict > 0);
        var outcome = !stillFound && !worse ? ChangeOutcome.MergedImproved : ChangeOutcome.MergedNoEffect;
        return new MeasuredOutcome(number, state.Week, state.Playbook, state.Fingerprints, outcome,
            stillFound, changes);
    }

    /// <summary>The records the ranking learns from.</summary>
    public static IEnumerable<OutcomeRecord> Records(MeasuredOutcome measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var week = Week.TryParse(measured.Week, out var parsed) ? parsed : default;
        return measured.Fingerprints.Select(f => new OutcomeRecord(measured.Playbook, f, week, measured.Outcome));
    }
}
