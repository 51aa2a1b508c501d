namespace FunnelOps.Publishing;

/// <summary>The tip of a branch on the code host, as fetched.</summary>
/// <param name="Sha">The commit id.</param>
/// <param name="AuthorEmail">Its author's e-mail.</param>
/// <param name="Message">Its full message.</param>
/// <param name="Parents">Its parents' ids.</param>
/// <param name="Tree">Its tree id (equal trees mean equal files).</param>
public sealed record RemoteCommit(string Sha, string AuthorEmail, string Message, IReadOnlyList<string> Parents, string Tree)
{
    /// <summary>True when FunnelOps made the commit (its author and its finding trailer).</summary>
    public bool IsFunnelOps =>
        AuthorEmail == GitRepository.AuthorEmail && Message.Contains("FunnelOps-Finding:", StringComparison.Ordinal);
}
