namespace FunnelOps.Publishing;

/// <summary>What became of a local change, read from the site repository the way GitHub reads a pull request.</summary>
public enum LocalChangeStatus
{
    /// <summary>Its branch still exists and is not merged into the base branch: it waits for review.</summary>
    Open,

    /// <summary>Its commit is reachable from the base branch's tip: the team merged it.</summary>
    Merged,

    /// <summary>Its branch was deleted without being merged: the team said no.</summary>
    Rejected,
}
