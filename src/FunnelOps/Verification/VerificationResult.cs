namespace FunnelOps.Verification;

/// <summary>What re-checking the patched pages showed.</summary>
/// <param name="Passed">True when the finding is gone and nothing new appeared.</param>
/// <param name="Summary">One sentence for the PR and the report.</param>
/// <param name="NewProblems">Problems that appeared on the patched pages, when any.</param>
public sealed record VerificationResult(bool Passed, string Summary, IReadOnlyList<string> NewProblems);
