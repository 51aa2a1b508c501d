using System.Security.Cryptography;
using System.Text;
using FunnelOps.Classification;
using FunnelOps.Playbooks;

namespace FunnelOps.Prioritization;

/// <summary>
/// Scores every finding on one scale (qualified pipeline per week) and orders them into the
/// backlog. Findings of one playbook with the same evidence on several pages come from shared
/// markup, so they are merged into one item whose impact sums the pages.
/// </summary>
public sealed class BacklogRanker
{
    private readonly Economics _economics;

    /// <summary>Creates a ranker with the team's funnel numbers.</summary>
    public BacklogRanker(Economics economics)
    {
        _economics = economics;
    }

    /// <summary>Returns the backlog, highest impact first; ties break by playbook id, then fingerprint.</summary>
    public IReadOnlyList<BacklogItem> Rank(
        IEnumerable<Finding> findings, IReadOnlyDictionary<Uri, PageStage> stages, VisitEstimator visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var scored = Merge(findings)
            .Select(finding => (finding, impact: ImpactOf(finding, stages, visits)))
            .OrderByDescending(x => x.impact.PerWeek)
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
            .Select(url => (url, stage: stages.TryGetValue(url, out var s) ? s.Stage : finding.Stage))
            .Select(x => new PageValue(x.url, x.stage, visits.WeeklyVisits(x.url), _economics.ValuePerVisit(x.stage)))
            .ToList();
        var scoring = finding.Playbook.Scoring;
        var atStake = pages.Sum(p => p.WeeklyVisits * p.ValuePerVisit);
        return new Impact
        {
            PerWeek = atStake * scoring.Uplift * scoring.Confidence / scoring.Effort,
            Currency = _economics.Currency,
            Pages = pages,
            VisitsEstimated = true,
            Uplift = scoring.Uplift,
            Confidence = scoring.Confidence,
            Effort = scoring.Effort,
        };
    }

    // Only findings that name the same elements merge: the same footer links on twenty pages
    // are one problem in one shared footer, while a missing tag on two pages is two edits.
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
                    Fingerprint = Combine(group.Select(f => f.Fingerprint)),
                });

    private static string Combine(IEnumerable<string> fingerprints)
    {
        var joined = string.Join(' ', fingerprints.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }
}
