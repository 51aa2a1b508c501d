using System.Security.Cryptography;
using System.Text;
using FunnelOps.Classification;
using FunnelOps.Playbooks;
using FunnelOps.Signals;

namespace FunnelOps.Prioritization;

/// <summary>
/// Scores every finding on one scale (qualified pipeline per week) and orders them into the
/// backlog. Findings of one playbook with the same evidence on several pages come from shared
/// markup, so they are merged into one item whose impact sums the pages. With signals, measured
/// weekly visits replace the link-graph estimate and each page's signals may raise the findings
/// on it (see <see cref="SignalMultipliers"/>); with past outcomes, each playbook's confidence is
/// learned (see <see cref="ConfidenceLearner"/>).
/// </summary>
public sealed class BacklogRanker
{
    private readonly Economics _economics;
    private readonly SiteSignals _signals;
    private readonly IReadOnlyList<OutcomeRecord> _outcomes;
    private readonly Dictionary<string, PlaybookConfidence> _learned = new(StringComparer.Ordinal);

    /// <summary>Creates a ranker with the team's funnel numbers, without signals or past outcomes.</summary>
    public BacklogRanker(Economics economics)
        : this(economics, SiteSignals.None, [])
    {
    }

    /// <summary>Creates a ranker with the team's funnel numbers, its signals and the outcomes of past changes.</summary>
    public BacklogRanker(Economics economics, SiteSignals signals, IReadOnlyList<OutcomeRecord> outcomes)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(outcomes);
        _economics = economics;
        _signals = signals;
        _outcomes = outcomes;
    }

    /// <summary>The confidence of <paramref name="playbook"/>, learned from the past outcomes.</summary>
    public PlaybookConfidence ConfidenceOf(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        if (!_learned.TryGetValue(playbook.Id, out var learned))
        {
            _learned[playbook.Id] = learned = ConfidenceLearner.Learn(playbook.Id, playbook.Scoring.Confidence, _outcomes);
        }

        return learned;
    }

    /// <summary>Returns the backlog, highest impact first; ties break by playbook id, then fingerprint.</summary>
    public IReadOnlyList<BacklogItem> Rank(
        IEnumerable<Finding> findings, IReadOnlyDictionary<Uri, PageStage> stages, VisitEstimator visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        // Impacts are compared to the cent, so that rounding noise in the last bits of two equal
        // figures cannot decide their order; the playbook id and fingerprint then do.
        var scored = Merge(findings)
            .Select(finding => (finding, impact: ImpactOf(finding, stages, visits)))
            .OrderByDescending(x => Math.Round(x.impact.PerWeek, 2))
            .ThenBy(x => x.finding.Playbook.Id, StringComparer.Ordinal)
            .ThenBy(x => x.finding.Fingerprint, StringComparer.Ordinal)
            .ToList();
        return [.. scored.Select((x, index) => new BacklogItem(index + 1, x.finding, x.impact))];
    }

    /// <summary>Computes one finding's impact from its pages and its playbook's scoring.</summary>
    public Impact ImpactOf(Finding finding, IReadOnlyDictionary<Uri, PageStage> stages, VisitEstimator visits)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(visits);
        var pages = finding.Urls
            .Select(url => PageValueOf(url, stages.TryGetValue(url, out var s) ? s.Stage : finding.Stage,
                finding.Playbook.Channel, visits))
            .ToList();
        var scoring = finding.Playbook.Scoring;
        var learned = ConfidenceOf(finding.Playbook);
        var atStake = pages.Sum(p => p.WeeklyVisits * p.ValuePerVisit * p.Weight);
        return new Impact
        {
            PerWeek = atStake * scoring.Uplift * learned.Current / scoring.Effort,
            Currency = _economics.Currency,
            Pages = pages,
            VisitsEstimated = pages.Any(p => !p.VisitsMeasured),
            Uplift = scoring.Uplift,
            Confidence = learned.Current,
            Effort = scoring.Effort,
            Learning = learned.History.Count > 0 ? learned : null,
        };
    }

    private PageValue PageValueOf(Uri url, Stage stage, string channel, VisitEstimator visits)
    {
        var signals = _signals.For(url);
        var measured = signals?.WeeklyVisits;

        // Visits are kept to the tenth the reports show, so the impact can be redone by hand from what they print.
        var weekly = Math.Round(measured ?? visits.WeeklyVisits(url), 1, MidpointRounding.AwayFromZero);
        return new PageValue(url, stage, weekly, _economics.ValuePerVisit(stage))
        {
            VisitsMeasured = measured is not null,
            Multipliers = SignalMultipliers.For(signals, channel, _economics.Currency),
        };
    }

    /// <summary>
    /// The fingerprints of <paramref name="findings"/> as found and as the backlog merges them, so a change made for a
    /// merged item can be looked up among this week's findings.
    /// </summary>
    public static IReadOnlySet<string> FingerprintsOf(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var all = findings.ToList();
        return all.Select(f => f.Fingerprint).Concat(Merge(all).Select(f => f.Fingerprint))
            .ToHashSet(StringComparer.Ordinal);
    }

    // Only findings that name the same elements merge: the same footer links on twenty pages
    // are one problem in one shared footer, while a missing tag on two pages is two edits. The
    // merged item's fingerprint comes from the playbook and the elements, not from the pages, so
    // it stays the same when a new page uses the footer: a "no" to it still holds.
    private static IEnumerable<Finding> Merge(IEnumerable<Finding> findings) =>
        findings
            .GroupBy(f => f.Elements.Count == 0
                ? (f.Playbook.Id, f.Fingerprint)
                : (f.Playbook.Id, string.Join('\n', f.Elements)))
            .Select(group => group.Count() == 1
                ? group.First()
                : group.First() with
                {
                    Urls = [.. group.SelectMany(f => f.Urls).Distinct()],
                    Fingerprint = Hash($"{group.Key.Item1}\n{group.Key.Item2}"),
                });

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
