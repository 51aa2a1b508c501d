using FunnelOps.Fixes;
using FunnelOps.Reporting;
using FunnelOps.Verification;
using Microsoft.Extensions.Logging;

namespace FunnelOps.Publishing;

/// <summary>
/// Ships a fix into the local site repository: writes the edits, verifies them, and commits them
/// on a new <c>funnelops/...</c> branch, then returns to the branch that was checked out. Whatever
/// happens, the working tree is left as it was found: no half-written files, no stray branch.
/// </summary>
public sealed class LocalPublisher
{
    private readonly ISiteRepository _repository;
    private readonly FixVerifier _verifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a publisher for <paramref name="repository"/>.</summary>
    public LocalPublisher(ISiteRepository repository, FixVerifier verifier, TimeProvider time, ILogger logger)
    {
        _repository = repository;
        _verifier = verifier;
        _time = time;
        _logger = logger;
    }

    /// <summary>Writes, verifies and commits the fix; returns null (with a note) when it must not touch the repository.</summary>
    public async Task<ChangeResult?> PublishAsync(
        Fix fix, PublishContext context, List<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fix);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notes);
        if (_repository.IsDetached)
        {
            notes.Add(DetachedNote);
            return null;
        }

        if (!_repository.IsClean)
        {
            PublishLog.DirtyRepository(_logger);
            notes.Add("The site repository has uncommitted changes, so FunnelOps left it untouched. " +
                "Commit or stash them and run again.");
            return null;
        }

        var branch = ChangeNaming.BranchFor(context.Week, fix.Item.Finding);
        if (_repository.BranchExists(branch))
        {
            PublishLog.BranchExists(_logger, branch);
            notes.Add($"This week's change is already on the branch {branch}; nothing new was committed.");
            return null;
        }

        var paths = fix.Files.Select(f => f.Mapping.RelativePath).ToList();
        var baseBranch = _repository.CurrentBranch;
        var branchCreated = false;
        PublishLog.Fixing(_logger, fix.Item.Finding.Playbook.Id, fix.Item.Finding.Urls[0], string.Join(", ", paths));
        try
        {
            foreach (var file in fix.Files)
            {
                await file.WriteAsync(cancellationToken);
            }

            var verification = await _verifier.VerifyAsync(
                fix, context.Findings, context.Renders, context.CrawlOptions, cancellationToken);
            PublishLog.Verified(_logger, fix.Item.Finding.Playbook.Id, verification.Passed);
            var diff = _repository.DiffOfWorkingTree(paths);
            if (!verification.Passed)
            {
                _repository.Discard(paths);
                notes.Add(verification.Summary);
                return new ChangeResult(fix, verification, null, null, diff, null);
            }

            var pullRequest = PullRequestWriter.Write(
                fix, diff, verification, context.Backlog, context.Economics, context.Week, context.Story, context.Renders);
            if (context.DryRun)
            {
                _repository.Discard(paths);
                return new ChangeResult(fix, verification, null, null, diff, pullRequest);
            }

            _repository.CreateAndCheckout(branch);
            branchCreated = true;
            var commit = _repository.Commit(paths, CommitMessage(fix, pullRequest, _repository.RecentCommitSubjects(20)),
                _time.GetUtcNow());
            _repository.Checkout(baseBranch);
            PublishLog.Committed(_logger, commit, branch);
            return new ChangeResult(fix, verification, branch, commit, diff, pullRequest);
        }
        catch
        {
            // Leave the repository exactly as it was found.
            if (branchCreated && _repository.CurrentBranch != baseBranch)
            {
                _repository.Discard(paths);
                _repository.Checkout(baseBranch);
            }

            if (branchCreated)
            {
                _repository.DeleteBranch(branch);
            }

            _repository.Discard(paths);
            throw;
        }
    }

    /// <summary>What to do when the repository has a commit checked out rather than a branch.</summary>
    internal const string DetachedNote = "The site repository has a single commit checked out, not a branch (as " +
        "CI checkouts often do), so FunnelOps would not know which branch its change is for and left the repository " +
        "untouched. Check out the branch the site is published from, for example with git checkout main, and run " +
        "again.";

    /// <summary>
    /// The commit message: the PR title as subject, in conventional-commit form (<c>fix(seo): ...</c>) when most of
    /// the repository's recent subjects use that form; one line per file; the finding's fingerprint as a trailer.
    /// </summary>
    internal static string CommitMessage(Fix fix, PullRequestText pullRequest, IReadOnlyList<string> recentSubjects)
    {
        var files = string.Join("\n", fix.Files.Select(f => $"- {f.Mapping.RelativePath}: {f.Summary}"));
        var conventional = recentSubjects.Count > 0 &&
            recentSubjects.Count(s => ChangeNaming.IsConventional(s)) * 2 > recentSubjects.Count;
        var subject = conventional
            ? $"fix({ChangeNaming.Slug(fix.Item.Finding.Playbook.Channel)}): {LowerFirst(pullRequest.Title)}"
            : pullRequest.Title;
        // Summaries quote the site's own text: "Fixes #12" there must not close an issue when the commit lands.
        return $"{MarkdownText.NoReferences(subject)}\n\n{MarkdownText.NoReferences(files)}\n\n" +
            $"{FindingLine(fix.Item.Finding.Fingerprint)}\n";
    }

    /// <summary>The commit message's trailer naming the finding; a squash or rebase merge keeps it.</summary>
    internal static string FindingLine(string fingerprint) => $"FunnelOps-Finding: {fingerprint}";

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
