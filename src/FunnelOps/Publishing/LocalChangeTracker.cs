using System.Globalization;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Measuring;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Rendering;
using FunnelOps.Reporting;
using FunnelOps.Signals;
using FunnelOps.Verification;
using Microsoft.Extensions.Logging;

namespace FunnelOps.Publishing;

/// <summary>
/// Gives local runs the weekly behaviour of GitHub with the state kept in a file (<see cref="LocalStateFile"/>)
/// instead of pull requests and a backlog issue. Git itself tells what became of each change: its commit reachable
/// from the base branch means merged, its branch deleted without that means rejected, else it is still open. One
/// instance serves one run: <see cref="Measure"/> before ranking, then <see cref="PublishAsync"/>.
/// </summary>
/// <remarks>
/// A squash or rebase merge makes new commits. It is still read as merged when a commit on the base branch keeps
/// the <c>FunnelOps-Finding</c> line of FunnelOps' commit message (Git's own squash and rebase keep it); a merge
/// that drops that line and deletes the branch reads as a rejection.
/// </remarks>
public sealed class LocalChangeTracker
{
    private readonly ISiteRepository _repository;
    private readonly ChangeCadence _cadence;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private LocalState _state;

    private LocalChangeTracker(ISiteRepository repository, string statePath, LocalState state, ChangeCadence cadence,
        TimeProvider time, ILogger logger)
    {
        _repository = repository;
        StatePath = statePath;
        _state = state;
        _cadence = cadence;
        _time = time;
        _logger = logger;
    }

    /// <summary>The state file this run reads and writes.</summary>
    public string StatePath { get; }

    /// <summary>The state as it stands now.</summary>
    public LocalState State => _state;

    /// <summary>
    /// Reads the state file, <paramref name="statePath"/> or else the default one inside the repository's Git folder.
    /// </summary>
    /// <exception cref="LocalStateException">When the file is damaged or of an unknown format; it is left as it was.</exception>
    public static LocalChangeTracker Open(ISiteRepository repository, string? statePath, ChangeCadence cadence,
        TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var path = Path.GetFullPath(statePath ?? LocalStateFile.DefaultPath(repository.GitDirectory));
        var inTree = Path.GetRelativePath(repository.WorkingDirectory, path);
        if (!inTree.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inTree) &&
            !inTree.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
            !repository.IsIgnored(inTree))
        {
            throw new LocalStateException($"The state file {path} would be inside the site's working tree without " +
                "being ignored by Git, so each run would leave an uncommitted change and the next run would refuse to " +
                $"touch the repository. Add {inTree.Replace(Path.DirectorySeparatorChar, '/')} to .gitignore, or give " +
                "--state a path outside the repository. Nothing was crawled or changed.");
        }

        var state = LocalStateFile.Read(path);
        PublishLog.StateRead(logger, path, state.Changes.Count);
        return new LocalChangeTracker(repository, path, state, cadence, time, logger);
    }

    /// <summary>
    /// Reads each open change's status from the repository and measures every change merged or rejected since the
    /// last run: its finding re-checked in <paramref name="findings"/>, its pages' figures compared. Tells each
    /// outcome in <paramref name="notes"/> and saves the state (not in a dry run). Returns what the ranking learns
    /// from: all outcomes measured so far.
    /// </summary>
    public IReadOnlyList<OutcomeRecord> Measure(IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<Uri, RenderResult> renders, SiteSignals signals, bool dryRun, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(notes);
        var now = _time.GetUtcNow();
        var foundNow = BacklogRanker.FingerprintsOf(findings);
        var changes = new List<LocalChange>();
        var changed = false;
        foreach (var earlier in _state.Changes)
        {
            var change = WithStatus(earlier, now);
            if (change.Status != LocalChangeStatus.Open && change.Outcome is null)
            {
                var figures = PageFigures.Collect(change.Pages.Select(p => new Uri(p)), renders, signals);
                change = change with
                {
                    Outcome = OutcomeMeasurer.Measure(change.Number, change.Status == LocalChangeStatus.Rejected,
                        change.ToChangeState(), foundNow, figures),
                };
                PublishLog.LocalMeasured(_logger, change.Branch, change.Outcome.Outcome.ToString());
                notes.Add(OutcomeNote(change));
            }

            changed |= change != earlier;
            changes.Add(change);
        }

        _state = _state with { Changes = changes };
        if (changed && !dryRun)
        {
            Save();
        }

        return [.. changes.Where(c => c.Outcome is not null).SelectMany(c => OutcomeMeasurer.Records(c.Outcome!))];
    }

    /// <summary>
    /// Follows the cadence, then (when it allows) plans the best fix not rejected or already waiting for review,
    /// commits it on its own branch through <see cref="LocalPublisher"/> and records it in the state file.
    /// </summary>
    public async Task<(FixPlan? Plan, ChangeResult? Change)> PublishAsync(FixPlanner planner, FixVerifier verifier,
        CrawlResult crawl, PublishContext context, SiteSignals signals, List<string> notes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notes);
        if (Decide(context.Week) is { } waiting)
        {
            PublishLog.Cadence(_logger, waiting);
            notes.Add(waiting);
            return (null, null);
        }

        // The best fix that the team has not turned down and that does not already wait on a branch.
        var now = _time.GetUtcNow();
        var excluded = _state.Changes
            .Where(c => c.Status == LocalChangeStatus.Open ||
                (c.Status == LocalChangeStatus.Rejected && _cadence.RejectionHolds(c.ClosedAt, now)))
            .Select(c => c.Fingerprint)
            .ToHashSet(StringComparer.Ordinal);
        var plan = planner.Plan(context.Backlog, crawl, _repository.WorkingDirectory, excluded);
        if (plan.Fix is not { } fix)
        {
            notes.Add("No finding in the backlog has an automatic fix that applies to this repository this week.");
            return (plan, null);
        }

        if (_repository.IsDetached)
        {
            notes.Add(LocalPublisher.DetachedNote);
            return (plan, null);
        }

        var baseBranch = _repository.CurrentBranch;
        var story = StoryFor(fix, context, signals, _repository.BranchTip(baseBranch));
        if (Orphan(fix, context.Week) is { } orphan)
        {
            // An earlier run this week committed the change but stopped before saving the state file.
            if (context.DryRun)
            {
                notes.Add($"This week's change is already committed on the branch {orphan.Branch}; nothing new was " +
                    "prepared.");
                return (plan, null);
            }

            Record(fix, context.Week, story, orphan.Branch, baseBranch, orphan.Commit);
            notes.Add($"This week's change was already committed on the branch {orphan.Branch} by an earlier run " +
                "that stopped before it could note it down; FunnelOps now remembers it and committed nothing new.");
            return (plan, null);
        }

        var change = await new LocalPublisher(_repository, verifier, _time, _logger)
            .PublishAsync(fix, context with { Story = story }, notes, cancellationToken);
        if (change is { Branch: { } branch, CommitId: { } commit })
        {
            Record(fix, context.Week, story, branch, baseBranch, commit);
            var decision = $"This week's change is committed on the branch {branch}. Review it (the text for " +
                $"reviewers is in pull-request.md), then merge it into {baseBranch} to ship it, or delete the " +
                "branch to say no. The next run measures a merged change and remembers a no.";
            PublishLog.Cadence(_logger, decision);
            notes.Add(decision);
        }

        return (plan, change);
    }

    /// <summary>Why no new change may be made this week, or null when one may.</summary>
    private string? Decide(Week week)
    {
        var thisWeek = _state.Changes.Where(c => c.Week == week.ToString()).ToList();
        var openEarlier = _state.Changes.Where(c => c.Status == LocalChangeStatus.Open && c.Week != week.ToString())
            .ToList();
        if (_cadence.IsWeekFull(thisWeek.Count))
        {
            return $"This week's change is already committed on the branch {thisWeek[^1].Branch}, so nothing new " +
                "was committed. FunnelOps makes one change a week (max_prs_per_week in the configuration); " +
                "the next one comes next week.";
        }

        if (_cadence.MustWait(openEarlier.Count > 0))
        {
            var waiting = openEarlier[^1];
            return $"The change on the branch {waiting.Branch} from week {waiting.Week} still waits for review, so " +
                $"nothing new was committed. Merge it into {waiting.BaseBranch} to ship it or delete the branch to " +
                "say no; or set when_last_week_is_open: open_next in the configuration to go on without waiting.";
        }

        return null;
    }

    /// <summary>This week's branch for <paramref name="fix"/> when it holds FunnelOps' commit but the state lacks it.</summary>
    private (string Branch, string Commit)? Orphan(Fix fix, Week week)
    {
        var branch = ChangeNaming.BranchFor(week, fix.Item.Finding);
        if (_state.Changes.Any(c => c.Branch == branch) || _repository.BranchTip(branch) is not { } tip)
        {
            return null;
        }

        var line = LocalPublisher.FindingLine(fix.Item.Finding.Fingerprint);
        // A day before the week's Monday in UTC covers every time zone's start of the week.
        var since = new DateTimeOffset(week.Monday.AddDays(-1), TimeSpan.Zero);
        return _repository.HasCommitWithLine(branch, line, since) ? (branch, tip) : null;
    }

    /// <summary>The change with its status read from the repository; merged and rejected are final.</summary>
    private LocalChange WithStatus(LocalChange change, DateTimeOffset now)
    {
        if (change.Status != LocalChangeStatus.Open)
        {
            return change;
        }

        var merged = _repository.IsReachable(change.Commit, change.BaseBranch) ||
            _repository.HasCommitWithLine(change.BaseBranch, LocalPublisher.FindingLine(change.Fingerprint),
                change.CommittedAt);
        var status = merged ? LocalChangeStatus.Merged
            : _repository.BranchTip(change.Branch) is null ? LocalChangeStatus.Rejected
            : LocalChangeStatus.Open;
        if (status == LocalChangeStatus.Open)
        {
            return change;
        }

        PublishLog.LocalStatus(_logger, change.Branch, status.ToString());
        return change with { Status = status, ClosedAt = now };
    }

    private PullRequestStory StoryFor(Fix fix, PublishContext context, SiteSignals signals, string? baseTip)
    {
        var finding = fix.Item.Finding;
        var last = _state.Changes.Where(c => c.Outcome is not null).OrderBy(c => c.ClosedAt).LastOrDefault();
        var earlier = _state.Changes
            .Where(c => c.Status == LocalChangeStatus.Merged && c.Fingerprint == finding.Fingerprint).ToList();
        return new PullRequestStory
        {
            LastOutcome = last is null ? null : $"The change on the branch {MarkdownText.CodeSpan(last.Branch)} " +
                $"({last.Week}) was {last.Outcome!.Summary}",
            History = earlier.Count == 0 ? null : string.Join("\n", earlier.Select(c =>
                $"- Fixed before on the branch {MarkdownText.CodeSpan(c.Branch)} ({c.Week}), merged by " +
                $"{Day(c.ClosedAt)}; the problem has come back on the site.")),
            Before = PageFigures.Collect(finding.Urls, context.Renders, signals),
            BaseCommit = baseTip,
        };
    }

    private void Record(Fix fix, Week week, PullRequestStory story, string branch, string baseBranch, string commit)
    {
        var finding = fix.Item.Finding;
        var change = new LocalChange
        {
            Number = _state.Changes.Count == 0 ? 1 : _state.Changes.Max(c => c.Number) + 1,
            Week = week.ToString(),
            Branch = branch,
            BaseBranch = baseBranch,
            Playbook = finding.Playbook.Id,
            Fingerprint = finding.Fingerprint,
            Commit = commit,
            BaseCommit = story.BaseCommit,
            Pages = [.. finding.Urls.Select(u => u.AbsoluteUri)],
            Before = story.Before,
            CommittedAt = _time.GetUtcNow(),
        };
        _state = _state with { Changes = [.. _state.Changes, change] };
        Save();
    }

    private string OutcomeNote(LocalChange change)
    {
        if (change.Status == LocalChangeStatus.Rejected)
        {
            var again = _cadence.ProposableAgainAfter(change.ClosedAt) is { } after
                ? $" before {Day(after)}"
                : "";
            return $"The branch {change.Branch} ({change.Week}) was deleted without being merged. FunnelOps takes " +
                $"that as a no and will not propose this change again{again}.";
        }

        return $"Last change, on the branch {change.Branch} ({change.Week}): {change.Outcome!.Summary}";
    }

    private void Save()
    {
        LocalStateFile.Write(StatePath, _state);
        PublishLog.StateWritten(_logger, StatePath, _state.Changes.Count);
    }

    private static string Day(DateTimeOffset? moment) =>
        moment?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unknown date";
}
