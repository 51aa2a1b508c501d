namespace FunnelOps.Playbooks;

/// <summary>
/// A figure from the team's own exports (analytics, search, ads) must stay within bounds. Pages
/// the exports do not mention pass: no data is not a problem.
/// </summary>
public sealed record SignalCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "signal";

    /// <summary>The signal name (see <see cref="PlaybookSignals"/>).</summary>
    public required string Signal { get; init; }

    /// <summary>The lowest acceptable value, when bounded below.</summary>
    public double? Min { get; init; }

    /// <summary>The highest acceptable value, when bounded above.</summary>
    public double? Max { get; init; }
}
