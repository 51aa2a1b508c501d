namespace FunnelOps.Signals;

/// <summary>What was read from one export, for the report.</summary>
public sealed record SignalFileSummary
{
    /// <summary>The file's name (without its folder, which may be private).</summary>
    public required string File { get; init; }

    /// <summary>The kind of export.</summary>
    public required SignalFormat Format { get; init; }

    /// <summary>Data rows read.</summary>
    public required int Rows { get; init; }

    /// <summary>Rows that named no page or query (totals, blank or app-screen rows) and were left out.</summary>
    public required int SkippedRows { get; init; }

    /// <summary>How many days the export covers; its figures were multiplied by 7 / days.</summary>
    public required double Days { get; init; }

    /// <summary>Where <see cref="Days"/> comes from: "the export's date range", "the configuration" or "assumed".</summary>
    public required string DaysSource { get; init; }
}
