namespace FunnelOps.Publishing;

/// <summary>A pull request on the code host, as FunnelOps reads it.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Branch">The branch it proposes.</param>
/// <param name="HeadSha">The branch's tip as the code host last saw it.</param>
/// <param name="Url">Its web address.</param>
/// <param name="IsOpen">True while it is open.</param>
/// <param name="MergedAt">When it was merged, or null.</param>
/// <param name="ClosedAt">When it was closed (or merged), or null.</param>
/// <param name="Body">Its body, with FunnelOps' hidden state block when FunnelOps wrote it.</param>
/// <param name="Labels">The names of its labels; null when the code host did not say.</param>
public sealed record HostedPullRequest(
    int Number, string Branch, string HeadSha, Uri Url, bool IsOpen, DateTimeOffset? MergedAt, DateTimeOffset? ClosedAt,
    string? Body, IReadOnlyList<string>? Labels = null)
{
    /// <summary>True when it was merged.</summary>
    public bool IsMerged => MergedAt is not null;

    /// <summary>True when it was closed without merging: a "no" from the team.</summary>
    public bool IsRejected => !IsOpen && MergedAt is null;

    /// <summary>The state FunnelOps wrote into the body, or null when there is none.</summary>
    public ChangeState? State => ChangeStateBlock.Read(Body);
}
