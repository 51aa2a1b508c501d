using FunnelOps.Measuring;
using FunnelOps.Prioritization;
using FunnelOps.Publishing;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Publishing;

public sealed class LocalStateFileTests
{
    private static readonly LocalChange Merged = new()
    {
        Number = 1,
        Week = "2026-W49",
        Branch = "funnelops/2026-W49-noindex-decision-page-pricing",
        BaseBranch = "main",
        Playbook = "noindex-decision-page",
        Fingerprint = "noindex-decision-page:3f2a",
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Pages = ["https://www.example.com/pricing/"],
        Before = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["https://www.example.com/pricing/"] = new Dictionary<string, double> { ["signal.weekly_visits"] = 120 },
        },
        CommittedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
        Status = LocalChangeStatus.Merged,
        ClosedAt = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero),
        Outcome = new MeasuredOutcome(1, "2026-W49", "noindex-decision-page", ["noindex-decision-page:3f2a"],
            ChangeOutcome.MergedImproved, false,
            [new FigureChange("https://www.example.com/pricing/", "signal.weekly_visits", 120, 150)]),
    };

    [Fact]
    public void A_missing_file_is_an_empty_state()
    {
        using var folder = new TempFolder();

        var state = LocalStateFile.Read(Path.Combine(folder.Path, "state.json"));

        Assert.Equal(LocalState.FormatVersion, state.Version);
        Assert.Empty(state.Changes);
    }

    [Fact]
    public void A_written_state_reads_back_the_same_in_readable_JSON_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "funnelops", "state.json");

        LocalStateFile.Write(path, new LocalState { Changes = [Merged] });
        var read = LocalStateFile.Read(path);

        var change = Assert.Single(read.Changes);
        Assert.Equal(Merged with { Pages = change.Pages, Before = change.Before, Outcome = change.Outcome }, change);
        Assert.Equal(Merged.Pages, change.Pages);
        Assert.Equal(150, change.Outcome!.Changes[0].After);
        Assert.Equal(ChangeOutcome.MergedImproved, change.Outcome.Outcome);
        var text = File.ReadAllText(path);
        Assert.Contains("\"version\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"merged\"", text, StringComparison.Ordinal);
        Assert.Contains("\"base_branch\": \"main\"", text, StringComparison.Ordinal);
        Assert.Equal(["state.json"], Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_again_replaces_the_whole_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "state.json");
        LocalStateFile.Write(path, new LocalState { Changes = [Merged, Merged with { Number = 2 }] });

        LocalStateFile.Write(path, new LocalState { Changes = [Merged] });

        Assert.Single(LocalStateFile.Read(path).Changes);
    }
}
