using System.Globalization;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Measuring;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Rendering;
using FunnelOps.Signals;
using FunnelOps.Verification;
using Microsoft.Extensions.Logging;

namespace FunnelOps.Publishing;

/// <summary>
/// Publishes a week's change to GitHub and keeps its state there, so a stateless runner can do it: the pull
/// requests on <c>funnelops/</c> branches with their hidden state blocks, and the backlog issue. One instance
/// serves one run: <see cref="MeasureAsync"/> first (it reads that state and measures finished changes), then
/// <see cref="PublishAsync"/> (cadence, fix, push, pull request, backlog issue).
/// </summary>
public sealed class GitHubPublisher
{
    private const string OutcomeMarker = "<!-- funnelops:outcome -->";

    private readonly GitHubPublishing _settings;
    private readonly ChangeCadence _cadence;
    private readonly ICodeHost _host;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<MeasuredOutcome> _measured = [];
    private List<HostedPullRequest> _changes = [];
    private HostedIssue? _issue;
    private BacklogIssueState _issueState = new();
    private BacklogSteering _steering = BacklogSteering.None;
    private bool _loaded;

    /// <summary>Creates the publisher over a code host.</summary>
    public GitHubPublisher(GitHubPublishing settings, ICodeHost host, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _cadence = ChangeCadence.Of(settings);
        _host = host;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates the publisher over GitHub through Octokit.</summary>
    public static GitHubPublisher ForGitHub(GitHubPublishing settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (owner, name) = settings.Repository();
        return new GitHubPublisher(settings,
            new OctokitCodeHost(settings.ApiUrl, settings.Remote.Token, owner, name, time, logger), time, logger);
    }

    /// <summary>
    /// Reads the state kept on GitHub and measures every FunnelOps pull request merged or closed since it was
    /// last measured: its finding re-checked in <paramref name="findings"/>, its figures compared. Comments the
    /// outcome on each merged pull request (not in a dry run). Returns what the ranking learns from: all
    /// outcomes measured so far.
    /// </summary>
    public async Task<IReadOnlyList<OutcomeRecord>> MeasureAsync(
        IReadOnlyList<Finding> findings, IReadOnlyDictionary<Uri, RenderResult> renders, SiteSignals signals,
        bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        _changes = [.. (await _host.ListChangesAsync(cancellationToken)).Where(c => c.State is not null)
            .OrderBy(c => c.Number)];
        if (_settings.BacklogIssue)
        {
            _issue = await _host.FindIssueAsync(GitHubPublishing.Label, BacklogIssue.Marker, cancellationToken);
            _issueState = BacklogIssue.ReadState(_issue?.Body);
            _steering = BacklogIssue.ReadSteering(_issue?.Body);
        }

        _loaded = true;
        var foundNow = BacklogRanker.FingerprintsOf(findings);
        var done = _issueState.Outcomes.Select(o => o.Number).ToHashSet();
        foreach (var change in _changes.Where(c => !c.IsOpen && !done.Contains(c.Number)))
        {
            var state = change.State!;
            var figures = PageFigures.Collect(state.Pages.Select(p => new Uri(p)), renders, signals);
            var outcome = OutcomeMeasurer.Measure(change, state, foundNow, figures);
            _measured.Add(outcome);
            PublishLog.Measured(_logger, change.Number, outcome.Outcome.ToString());
            // An interrupted run may have commented already without remembering it in the backlog issue.
            if (!dryRun && outcome.Outcome != ChangeOutcome.Rejected &&
                !await _host.HasCommentAsync(change.Number, OutcomeMarker, cancellationToken))
            {
                await _host.CommentAsync(change.Number, OutcomeComment(outcome), cancellationToken);
            }
        }

        _issueState = _issueState with { Outcomes = [.. _issueState.Outcomes, .. _measured] };
        return [.. _issueState.Outcomes.SelectMany(OutcomeMeasurer.Records)];
    }

    /// <summary>
    /// Follows the cadence, then (when it allows) plans the best fix not rejected, skipped or already proposed,
    /// commits it on a fresh clone, pushes its branch and opens (or refreshes) the pull request; then brings the
    /// backlog issue up to date.
    /// </summary>
    public async Task<(GitHubPublication Publication, FixPlan? Plan, ChangeResult? Change)> PublishAsync(
        FixPlanner planner, FixVerifier verifier, CrawlResult crawl, PublishContext context, SiteSignals signals,
        List<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notes);
        if (!_loaded)
        {
            await MeasureAsync(context.Findings, context.Renders, signals, context.DryRun, cancellationToken);
        }

        var week = context.Week.ToString();
        var now = _time.GetUtcNow();
        var rejected = _changes.Where(c => c.IsRejected && _cadence.RejectionHolds(c.ClosedAt, now)).ToList();
        var excluded = rejected.SelectMany(c => c.State!.Fingerprints)
            .Concat(_steering.Skip)
            .Concat(_changes.Where(c => c.IsOpen).SelectMany(c => c.State!.Fingerprints))
            .ToHashSet(StringComparer.Ordinal);

        // Cadence: how many changes this week already has, and whether an earlier one still waits for review.
        var thisWeek = _changes.Where(c => c.State!.Week == week).ToList();
        await LabelUnlabelledAsync(thisWeek.Where(c => c.IsOpen), context.DryRun, cancellationToken);
        var openEarlier = _changes.Where(c => c.IsOpen && c.State!.Week != week).ToList();
        HostedPullRequest? refresh = null;
        string? decision = null;
        if (_cadence.IsWeekFull(thisWeek.Count))
        {
            refresh = thisWeek.LastOrDefault(c => c.IsOpen);
            decision = refresh is null
                ? $"This week's change (pull request #{thisWeek[^1].Number}) is already finished; nothing new is opened."
                : $"This week's change is pull request #{refresh.Number}; nothing new is opened.";
            if (refresh is not null && refresh.HeadSha != refresh.State!.Commit)
            {
                decision += " Someone pushed to its branch, so FunnelOps leaves the branch alone.";
                refresh = null;
            }
        }
        else if (_cadence.MustWait(openEarlier.Count > 0))
        {
            decision = $"Pull request #{openEarlier[^1].Number} from week {openEarlier[^1].State!.Week} is still " +
                "open, so no new change is opened: merge or close it, or set wait_while_open to false.";
        }

        FixPlan? plan = null;
        ChangeResult? change = null;
        HostedPullRequest? pullRequest = null;
        if (decision is null || refresh is not null)
        {
            (plan, change, pullRequest, var outcome) = await ShipAsync(
                planner, verifier, crawl, context, signals, excluded, refresh, notes, cancellationToken);
            decision = outcome ?? decision;
        }

        PublishLog.Cadence(_logger, decision!);
        notes.Add(decision!);

        int? issueNumber = null;
        if (_settings.BacklogIssue && !context.DryRun)
        {
            issueNumber = await WriteIssueAsync(context, decision!, rejected, notes, cancellationToken);
        }

        return (new GitHubPublication
        {
            Decision = decision!,
            PullRequest = pullRequest,
            BacklogIssue = issueNumber,
            Outcomes = _measured,
        }, plan, change);
    }

    private async Task<(FixPlan?, ChangeResult?, HostedPullRequest?, string?)> ShipAsync(
        FixPlanner planner, FixVerifier verifier, CrawlResult crawl, PublishContext context, SiteSignals signals,
        HashSet<string> excluded, HostedPullRequest? refresh, List<string> notes, CancellationToken cancellationToken)
    {
        var baseBranch = _settings.BaseBranch ?? await _host.DefaultBranchAsync(cancellationToken);
        var folder = _settings.WorkFolder ?? Path.Combine(Path.GetTempPath(), "funnelops-clone-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            using var clone = GitRepository.Clone(_settings.Remote, folder, baseBranch);
            PublishLog.Cloned(_logger, _settings.Remote.CloneUrl, baseBranch, folder);
            var baseTip = clone.TipOf(baseBranch);
            if (refresh is not null && refresh.State!.BaseCommit == baseTip)
            {
                return (null, null, refresh, $"This week's change is pull request #{refresh.Number}, up to date " +
                    $"with {baseBranch}; nothing new is opened.");
            }

            // The backlog in the team's order: ticked "do first" items lead; a refresh redoes its own finding only.
            var backlog = context.Backlog
                .Where(i => refresh is null || refresh.State!.Fingerprints.Contains(i.Finding.Fingerprint))
                .OrderBy(i => _steering.Prioritise.Contains(i.Finding.Fingerprint) ? 0 : 1)
                .ThenBy(i => i.Rank)
                .ToList();
            var plan = planner.Plan(backlog, crawl, clone.WorkingDirectory,
                refresh is null ? excluded : new HashSet<string>(StringComparer.Ordinal));
            if (plan.Fix is not { } fix)
            {
                return (plan, null, null, refresh is null
                    ? "No finding in the backlog has an automatic fix that applies to this repository this week."
                    : $"The finding of pull request #{refresh.Number} can no longer be fixed automatically; " +
                      "FunnelOps left it as it was.");
            }

            var story = StoryFor(fix, context, signals, baseTip);
            var change = await new LocalPublisher(clone, verifier, _time, _logger)
                .PublishAsync(fix, context with { Story = story }, notes, cancellationToken);
            if (change is not { Branch: { } branch, CommitId: { } commit, PullRequest: { } text })
            {
                return (plan, change, null, context.DryRun ? "Dry run: the change was prepared and checked, " +
                    "nothing was pushed or opened on GitHub." : "The fix did not pass verification, so nothing was published.");
            }

            var pushed = Push(clone, branch, baseBranch, baseTip, refresh, notes);
            if (pushed is null)
            {
                return (plan, change, null, $"The branch {branch} already exists on GitHub and was not made by " +
                    "FunnelOps, so FunnelOps left it alone and opened nothing.");
            }

            var state = PullRequestWriter.StateOf(fix, context.Week, story) with { Commit = pushed };
            var body = ChangeStateBlock.Replace(text.Body, state);
            var pullRequest = await PullRequestAsync(text.Title, body, branch, baseBranch, refresh, cancellationToken);
            PublishLog.PullRequestOpened(_logger, pullRequest.Number, branch, pullRequest.Url);
            return (plan, change with { CommitId = pushed, PullRequest = text with { Body = body } }, pullRequest,
                refresh is null
                    ? $"Opened pull request #{pullRequest.Number}: {pullRequest.Url}"
                    : $"Refreshed pull request #{pullRequest.Number} on the new tip of {baseBranch}: {pullRequest.Url}");
        }
        finally
        {
            if (_settings.WorkFolder is null)
            {
                DeleteFolder(folder);
            }
        }
    }

    /// <summary>Pushes the branch; returns the commit now on GitHub, or null when the branch is not FunnelOps'.</summary>
    private string? Push(GitRepository clone, string branch, string baseBranch, string baseTip, HostedPullRequest? refresh,
        List<string> notes)
    {
        var remote = _settings.Remote;
        if (refresh is not null)
        {
            clone.Push(remote, branch, baseBranch, refresh.State!.Commit);
            PublishLog.Pushed(_logger, branch, remote.CloneUrl);
            return clone.TipOf(branch);
        }

        var existing = clone.FetchBranch(remote, branch);
        if (existing is null)
        {
            clone.Push(remote, branch, baseBranch, expectedRemoteTip: null);
        }
        else if (!existing.IsFunnelOps)
        {
            return null;
        }
        else if (existing.Tree == clone.TreeOf(branch) && existing.Parents is [] or [_] &&
            (existing.Parents.Count == 0 || existing.Parents[0] == baseTip))
        {
            // A shallow fetch can hide the parent; equal trees then still mean the very same files.
            // An interrupted run pushed this very change already: keep that commit.
            notes.Add($"The branch {branch} was already pushed by an earlier, interrupted run; it was kept.");
            return existing.Sha;
        }
        else
        {
            clone.Push(remote, branch, baseBranch, existing.Sha);
        }

        PublishLog.Pushed(_logger, branch, remote.CloneUrl);
        return clone.TipOf(branch);
    }

    // FunnelOps' label and the configured ones.
    private string[] Labels =>
        [.. new[] { GitHubPublishing.Label }.Concat(_settings.Labels).Distinct(StringComparer.OrdinalIgnoreCase)];

    // A run stopped between opening a pull request and labelling it: the next run finishes the labelling.
    private async Task LabelUnlabelledAsync(IEnumerable<HostedPullRequest> pullRequests, bool dryRun,
        CancellationToken cancellationToken)
    {
        foreach (var pullRequest in pullRequests)
        {
            var missing = Labels.Where(l => pullRequest.Labels is { } labels &&
                !labels.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0 && !dryRun)
            {
                await _host.LabelAsync(pullRequest.Number, missing, cancellationToken);
            }
        }
    }

    private async Task<HostedPullRequest> PullRequestAsync(string title, string body, string branch, string baseBranch,
        HostedPullRequest? refresh, CancellationToken cancellationToken)
    {
        if (refresh is not null)
        {
            await _host.UpdatePullRequestAsync(refresh.Number, title, body, cancellationToken);
            return refresh with { Body = body };
        }

        var opened = await _host.OpenPullRequestAsync(new PullRequestOpening(title, body, branch, baseBranch,
            Labels, _settings.Reviewers, _settings.Assignees), cancellationToken);
        if (opened.Body != body)
        {
            // It was opened by an interrupted run: bring its text up to date.
            await _host.UpdatePullRequestAsync(opened.Number, title, body, cancellationToken);
            opened = opened with { Body = body };
        }

        return opened;
    }

    private PullRequestStory StoryFor(Fix fix, PublishContext context, SiteSignals signals, string baseTip)
    {
        var finding = fix.Item.Finding;
        var last = _issueState.Outcomes.Count == 0 ? null : _issueState.Outcomes[^1];
        var earlier = _changes.Where(c => c.IsMerged && c.State!.Fingerprints.Contains(finding.Fingerprint)).ToList();
        return new PullRequestStory
        {
            LastOutcome = last is null ? null : $"Pull request #{last.Number} ({last.Week}) was {last.Summary}",
            History = earlier.Count == 0 ? null : string.Join("\n", earlier.Select(c =>
                $"- Fixed before by pull request #{c.Number} ({c.State!.Week}), merged " +
                $"{c.MergedAt!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the problem has come back on the site.")),
            Before = PageFigures.Collect(finding.Urls, context.Renders, signals),
            BaseCommit = baseTip,
        };
    }

    private async Task<int> WriteIssueAsync(PublishContext context, string decision, List<HostedPullRequest> rejected,
        List<string> notes, CancellationToken cancellationToken)
    {
        var body = BacklogIssue.Write(new BacklogIssueContent
        {
            Week = context.Week,
            Backlog = context.Backlog,
            ThisWeek = decision,
            State = _issueState,
            Steering = _steering,
            Rejected = [.. rejected.Select(c => $"Pull request #{c.Number} ({c.State!.Week}, " +
                $"{Reporting.MarkdownText.Escape(c.State.Playbook)}), closed without merging" +
                (_cadence.ProposableAgainAfter(c.ClosedAt) is { } again
                    ? $"; may be proposed again after {again.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                    : ""))],
            Problems = [.. notes.Where(n => n != decision)],
        });
        if (_issue is null)
        {
            _issue = await _host.CreateIssueAsync(BacklogIssue.Title, body, [GitHubPublishing.Label], cancellationToken);
        }
        else
        {
            await _host.UpdateIssueAsync(_issue.Number, body, cancellationToken);
        }

        PublishLog.BacklogIssue(_logger, _issue.Number);
        return _issue.Number;
    }

    private static string OutcomeComment(MeasuredOutcome outcome)
    {
        var lines = outcome.Changes.Take(10).Select(c => $"| {Reporting.MarkdownText.Escape(c.Page, 120)} | " +
            Reporting.MarkdownText.Escape(c.Figure) + " | " +
            string.Create(CultureInfo.InvariantCulture, $"{c.Before:0.##} | {c.After:0.##} |"));
        var table = outcome.Changes.Count == 0 ? "" :
            "\n\n| page | figure | before | after |\n| --- | --- | --- | --- |\n" + string.Join("\n", lines);
        return $"**FunnelOps measured this change:** {outcome.Summary}{table}\n\n{OutcomeMarker}\n";
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover clone in the temp folder does no harm.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
