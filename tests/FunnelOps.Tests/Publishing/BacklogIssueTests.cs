using FunnelOps.Measuring;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;

namespace FunnelOps.Tests.Publishing;

public sealed class BacklogIssueTests
{
    [Fact]
    public void Ticked_boxes_are_read_back_by_fingerprint_and_unticked_ones_are_not()
    {
        const string body = """
            - [x] Skip `fp-one`: Missing title on /pricing/
            - [ ] Do first `fp-one`: Missing title on /pricing/
            - [ ] Skip `fp-two`: Slow hero on /
            - [X] Do first `fp-two`: Slow hero on /
            """;

        var steering = BacklogIssue.ReadSteering(body);

        Assert.Equal(["fp-one"], steering.Skip);
        Assert.Equal(["fp-two"], steering.Prioritise);
    }

    [Fact]
    public void The_body_keeps_the_marker_the_outcomes_and_the_ticks_and_reads_its_own_state_back()
    {
        var outcome = new MeasuredOutcome(3, "2026-W49", "noindex-decision-page", ["fp-one"], ChangeOutcome.MergedImproved,
            false, [new FigureChange("http://site.test/", "signal.mobile_bounce_rate", 0.6, 0.5)]);
        var steering = new BacklogSteering(new HashSet<string> { "fp-one" }, new HashSet<string>());

        var body = BacklogIssue.Write(new BacklogIssueContent
        {
            Week = new Week(2026, 50),
            Backlog = [],
            ThisWeek = "Opened pull request #5.",
            State = new BacklogIssueState { Outcomes = [outcome] },
            Steering = steering,
            Rejected = ["Pull request #4 (2026-W48, meta-description), closed without merging"],
            Problems = ["The page @someone wrote <script> on #7"],
        });

        Assert.StartsWith(BacklogIssue.Marker, body, StringComparison.Ordinal);
        Assert.Contains("- 2026-W49, pull request 3 (noindex-decision-page): merged, and the problem is gone", body, StringComparison.Ordinal);
        Assert.Contains("signal.mobile_bounce_rate 0.6 → 0.5", body, StringComparison.Ordinal);
        Assert.Contains("closed without merging", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" @someone", body, StringComparison.Ordinal);
        var state = BacklogIssue.ReadState(body);
        var read = Assert.Single(state.Outcomes);
        Assert.Equal((3, ChangeOutcome.MergedImproved), (read.Number, read.Outcome));
        Assert.Equal(0.5, Assert.Single(read.Changes).After);
    }

    [Fact]
    public void A_body_without_state_reads_as_nothing_measured()
    {
        Assert.Empty(BacklogIssue.ReadState("just text").Outcomes);
        Assert.Empty(BacklogIssue.ReadState(null).Outcomes);
    }
}
