namespace FunnelOps.Publishing;

/// <summary>
/// The weekly cadence both publishers follow, on GitHub and locally: how many changes a week, whether an earlier
/// week's unmerged change holds the next one back, and how long a "no" (a change closed without merging) holds.
/// </summary>
/// <param name="MaxPerWeek">The most changes FunnelOps makes in one week.</param>
/// <param name="WaitWhileOpen">True to make no new change while an earlier week's change still waits for review.</param>
/// <param name="RejectionExpiry">How long a rejection holds; null for ever.</param>
public sealed record ChangeCadence(int MaxPerWeek = 1, bool WaitWhileOpen = true, TimeSpan? RejectionExpiry = null)
{
    /// <summary>One change a week, waiting for review, rejections held for ever.</summary>
    public static ChangeCadence Default { get; } = new();

    /// <summary>The cadence of publishing to GitHub.</summary>
    public static ChangeCadence Of(GitHubPublishing settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ChangeCadence(settings.MaxPerWeek, settings.WaitWhileOpen, settings.RejectionExpiry);
    }

    /// <summary>The cadence of the configuration's <c>github:</c> block, which local runs follow too.</summary>
    public static ChangeCadence Of(GitHubConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ChangeCadence(configuration.MaxPerWeek, configuration.WaitWhileOpen, configuration.RejectionExpiry);
    }

    /// <summary>True when <paramref name="changesThisWeek"/> changes use up the week.</summary>
    public bool IsWeekFull(int changesThisWeek) => changesThisWeek >= MaxPerWeek;

    /// <summary>True when an earlier week's change that still waits for review holds the next one back.</summary>
    public bool MustWait(bool earlierChangeOpen) => WaitWhileOpen && earlierChangeOpen;

    /// <summary>
    /// True while a change rejected at <paramref name="closedAt"/> still holds at <paramref name="now"/>: for ever
    /// without an expiry, and also when the time of rejection is unknown.
    /// </summary>
    public bool RejectionHolds(DateTimeOffset? closedAt, DateTimeOffset now) =>
        RejectionExpiry is not { } expiry || closedAt is not { } closed || closed + expiry > now;

    /// <summary>When a change rejected at <paramref name="closedAt"/> may be proposed again; null for never.</summary>
    public DateTimeOffset? ProposableAgainAfter(DateTimeOffset? closedAt) =>
        RejectionExpiry is { } expiry && closedAt is { } closed ? closed + expiry : null;
}
