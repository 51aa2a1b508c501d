using FunnelOps.Fixes;
using FunnelOps.Publishing;
using FunnelOps.Verification;

namespace FunnelOps;

/// <summary>The change that ships a fix: branch, commit, diff, verification and PR text.</summary>
/// <param name="Fix">The fix.</param>
/// <param name="Verification">What re-checking the patched pages showed.</param>
/// <param name="Branch">The branch, or null when nothing was committed.</param>
/// <param name="CommitId">The commit, or null when nothing was committed.</param>
/// <param name="Diff">The unified diff of the edit.</param>
/// <param name="PullRequest">The PR text, or null when verification failed.</param>
public sealed record ChangeResult(
    Fix Fix, VerificationResult Verification, string? Branch, string? CommitId, string Diff, PullRequestText? PullRequest);
