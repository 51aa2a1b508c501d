using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Prioritization;

public sealed class ConfidenceLearnerTests
{
    [Fact]
    public void Without_outcomes_the_declared_confidence_stands()
    {
        var learned = ConfidenceLearner.Learn("p", 0.8, [new OutcomeRecord("other", "f", new Week(2026, 40), ChangeOutcome.Rejected)]);

        Assert.Equal(0.8, learned.Current);
        Assert.Empty(learned.History);
    }

    [Fact]
    public void Each_outcome_moves_the_confidence_by_its_documented_weight()
    {
        // Prior: alpha = 0.8 x 4 = 3.2, beta = 0.2 x 4 = 0.8.
        Assert.Equal(3.2 / 5, Learn(ChangeOutcome.Rejected), 10);
        Assert.Equal(4.2 / 5, Learn(ChangeOutcome.MergedImproved), 10);
        Assert.Equal(3.2 / 4.5, Learn(ChangeOutcome.MergedNoEffect), 10);

        static double Learn(ChangeOutcome outcome) =>
            ConfidenceLearner.Learn("p", 0.8, [new OutcomeRecord("p", "f", new Week(2026, 40), outcome)]).Current;
    }

    [Fact]
    public void The_history_is_in_week_order_with_the_confidence_after_each_outcome()
    {
        OutcomeRecord[] outcomes =
        [
            new("p", "b", new Week(2026, 42), ChangeOutcome.MergedImproved),
            new("p", "a", new Week(2026, 41), ChangeOutcome.Rejected),
            new("p", "c", new Week(2025, 52), ChangeOutcome.Rejected),
        ];

        var learned = ConfidenceLearner.Learn("p", 0.5, outcomes);

        Assert.Equal(["2025-W52", "2026-W41", "2026-W42"], learned.History.Select(h => h.Week.ToString()));
        // 2 / 4 prior; 2 / 5, 2 / 6, 3 / 7.
        Assert.Equal([2.0 / 5, 2.0 / 6, 3.0 / 7], learned.History.Select(h => Math.Round(h.ConfidenceAfter, 12)),
            new RoundedComparer());
        Assert.True(learned.Current < 0.5);
    }

    [Fact]
    public void Rejections_push_a_playbook_below_one_that_was_level_with_it()
    {
        var (first, stages, visits) = SignalRankingTests.OnePage(new Uri("http://site.test/a/"), Stage.Decision, "seo");
        var second = first with { Playbook = TestPlaybooks.Advice("z-playbook"), Fingerprint = "z" };
        OutcomeRecord[] outcomes =
        [
            new(first.Playbook.Id, "x", new Week(2026, 40), ChangeOutcome.Rejected),
            new(first.Playbook.Id, "y", new Week(2026, 41), ChangeOutcome.MergedNoEffect),
        ];

        var withoutOutcomes = new BacklogRanker(new Economics()).Rank([first, second], stages, visits);
        var learned = new BacklogRanker(new Economics(), FunnelOps.Signals.SiteSignals.None, outcomes).Rank([first, second], stages, visits);

        Assert.Equal(first.Playbook.Id, withoutOutcomes[0].Finding.Playbook.Id);
        Assert.Equal("z-playbook", learned[0].Finding.Playbook.Id);
        var demoted = learned[1].Impact;
        Assert.NotNull(demoted.Learning);
        // 0.5 declared: alpha 2, beta 2 + 1 + 0.5: 2 / 5.5.
        Assert.Equal(2 / 5.5, demoted.Confidence, 10);
        Assert.Contains("learned: declared 0.5, then 1 merged without effect, 1 rejected",
            FunnelOps.Reporting.ImpactExplanation.ConfidenceSource(demoted), StringComparison.Ordinal);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
