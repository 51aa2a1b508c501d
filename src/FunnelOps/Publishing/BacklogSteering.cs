namespace FunnelOps.Publishing;

/// <summary>What the team ticked in the backlog issue: findings to skip and findings to do first, by fingerprint.</summary>
/// <param name="Skip">Fingerprints not to fix on the next runs while ticked.</param>
/// <param name="Prioritise">Fingerprints to fix before anything else while ticked.</param>
public sealed record BacklogSteering(IReadOnlySet<string> Skip, IReadOnlySet<string> Prioritise)
{
    /// <summary>Nothing ticked.</summary>
    public static BacklogSteering None { get; } =
        new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
}
