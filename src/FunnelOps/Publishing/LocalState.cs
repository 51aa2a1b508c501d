namespace FunnelOps.Publishing;

/// <summary>
/// What a local run remembers between weeks, kept in the state file: every change FunnelOps committed in the site
/// repository, with its status and measured outcome. It plays the part the pull requests and the backlog issue
/// play on GitHub.
/// </summary>
public sealed record LocalState
{
    /// <summary>The format version this FunnelOps writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The file's format version.</summary>
    public int Version { get; init; } = FormatVersion;

    /// <summary>The changes, oldest first.</summary>
    public IReadOnlyList<LocalChange> Changes { get; init; } = [];
}
