namespace FunnelOps.Prioritization;

/// <summary>What became of one change FunnelOps proposed, as measured on a later run.</summary>
public enum ChangeOutcome
{
    /// <summary>Merged, and the finding is gone with the page's metrics or signals better than before.</summary>
    MergedImproved,

    /// <summary>Merged, but nothing measurable changed.</summary>
    MergedNoEffect,

    /// <summary>Closed without merging.</summary>
    Rejected,
}
