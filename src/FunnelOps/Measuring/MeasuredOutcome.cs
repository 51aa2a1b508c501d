using FunnelOps.Prioritization;

namespace FunnelOps.Measuring;

/// <summary>What one FunnelOps change achieved, as measured on a later run.</summary>
/// <param name="Number">The pull request's number.</param>
/// <param name="Week">The week the change was proposed.</param>
/// <param name="Playbook">The playbook whose finding it fixed.</param>
/// <param name="Fingerprints">The findings' fingerprints.</param>
/// <param name="Outcome">The verdict.</param>
/// <param name="StillFound">True when the finding is still found on the site.</param>
/// <param name="Changes">The figures that were measured before and again now.</param>
public sealed record MeasuredOutcome(
    int Number, string Week, string Playbook, IReadOnlyList<string> Fingerprints, ChangeOutcome Outcome,
    bool StillFound, IReadOnlyList<FigureChange> Changes)
{
    /// <summary>A sentence a marketer can read, in Markdown written by FunnelOps (no site text).</summary>
    public string Summary => Outcome switch
    {
        ChangeOutcome.Rejected => "closed without merging: FunnelOps will not propose it again.",
        ChangeOutcome.MergedImproved =>
            $"merged, and the problem is gone from the site{Figures()}.",
        _ when StillFound => "merged, but the problem is still found on the site: the change may not be deployed " +
            "yet, or the page is built from another file.",
        _ => $"merged and the problem is gone, but the measured figures did not improve{Figures()}.",
    };

    private string Figures()
    {
        var telling = Changes.Where(c => c.Before != c.After).Take(3).ToList();
        return telling.Count == 0 ? "" : " (" + string.Join("; ", telling.Select(c =>
            $"{c.Figure} {c.Before:0.##} → {c.After:0.##}")) + ")";
    }
}
