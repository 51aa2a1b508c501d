namespace FunnelOps.Signals;

/// <summary>One export to read signals from, as the configuration or the command line names it.</summary>
public sealed record SignalSource
{
    /// <summary>The CSV file.</summary>
    public required string Path { get; init; }

    /// <summary>The kind of export; null to tell it from the header row.</summary>
    public SignalFormat? Format { get; init; }

    /// <summary>
    /// How many days the export covers. Null to read it from the export (GA4 and Ads write their
    /// date range at the top); without either, 28 days are assumed and the report says so.
    /// </summary>
    public double? Days { get; init; }

    /// <summary>
    /// For <see cref="SignalFormat.Generic"/>: which column holds which figure, by field name
    /// (<c>url</c>, <c>visits</c>, <c>mobile-visits</c>, <c>mobile-bounce-rate</c>, ...; see
    /// <see cref="SignalImporter.GenericFields"/>) to the column's header.
    /// </summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();
}
