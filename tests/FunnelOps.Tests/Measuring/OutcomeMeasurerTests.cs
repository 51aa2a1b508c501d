using FunnelOps.Measuring;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;

namespace FunnelOps.Tests.Measuring;

public sealed class OutcomeMeasurerTests
{
    private const string Page = "http://site.test/pricing/";

    private static readonly ChangeState State = new()
    {
        Week = "2026-W49",
        Playbook = "noindex-decision-page",
        Fingerprints = ["fp-one"],
        Pages = [Page],
        Before = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            [Page] = new Dictionary<string, double> { ["signal.mobile_bounce_rate"] = 0.6, ["lcp_ms"] = 3200 },
        },
    };

    [Fact]
    public void A_merged_change_whose_finding_is_gone_and_whose_figures_did_not_worsen_improved()
    {
        var outcome = OutcomeMeasurer.Measure(Pull(merged: true), State, new HashSet<string>(), Now(0.5));

        Assert.Equal(ChangeOutcome.MergedImproved, outcome.Outcome);
        Assert.Contains(outcome.Changes, c => c.Figure == "signal.mobile_bounce_rate" && c.Verdict == 1);
        var record = Assert.Single(OutcomeMeasurer.Records(outcome));
        Assert.Equal(new OutcomeRecord("noindex-decision-page", "fp-one", new Week(2026, 49), ChangeOutcome.MergedImproved), record);
    }

    [Fact]
    public void A_merged_change_whose_finding_is_still_found_had_no_effect()
    {
        var outcome = OutcomeMeasurer.Measure(Pull(merged: true), State, new HashSet<string> { "fp-one" }, Now(0.5));

        Assert.Equal(ChangeOutcome.MergedNoEffect, outcome.Outcome);
        Assert.True(outcome.StillFound);
        Assert.Contains("still found", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_change_after_which_the_figures_only_worsened_had_no_effect_even_with_the_finding_gone()
    {
        var outcome = OutcomeMeasurer.Measure(Pull(merged: true), State, new HashSet<string>(), Now(0.7));

        Assert.Equal(ChangeOutcome.MergedNoEffect, outcome.Outcome);
    }

    [Fact]
    public void A_change_closed_without_merging_was_rejected()
    {
        var outcome = OutcomeMeasurer.Measure(Pull(merged: false), State, new HashSet<string>(), Now(0.5));

        Assert.Equal(ChangeOutcome.Rejected, outcome.Outcome);
    }

    private static HostedPullRequest Pull(bool merged) => new(7, "funnelops/2026-W49-x", "abc", new Uri("http://gh.test/pull/7"),
        false, merged ? DateTimeOffset.UnixEpoch : null, DateTimeOffset.UnixEpoch, null);

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Now(double bounce) => new()
    {
        [Page] = new Dictionary<string, double> { ["signal.mobile_bounce_rate"] = bounce, ["lcp_ms"] = 2100 },
    };
}
