namespace FunnelOps.Rendering;

/// <summary>
/// A simulated mobile network: round-trip latency and throughput. The figures are the presets of
/// Chrome DevTools' network panel, applied through the DevTools protocol.
/// </summary>
/// <param name="Name">The name a person configures, such as "Slow 4G".</param>
/// <param name="LatencyMs">Added round-trip time in milliseconds.</param>
/// <param name="DownloadKbps">Download throughput in kilobits per second.</param>
/// <param name="UploadKbps">Upload throughput in kilobits per second.</param>
public sealed record NetworkProfile(string Name, double LatencyMs, double DownloadKbps, double UploadKbps)
{
    private static readonly NetworkProfile[] Known =
    [
        new("Slow 3G", 2_000, 400, 400),
        new("Fast 3G", 562.5, 1_475, 675),
        new("Slow 4G", 150, 1_600, 750),
        new("Fast 4G", 60, 9_000, 1_500),
    ];

    /// <summary>The names that can be configured.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Known.Select(k => k.Name)];

    /// <summary>The profile called <paramref name="name"/> (case and spaces ignored), or null when there is none.</summary>
    public static NetworkProfile? Find(string? name) =>
        name is null ? null : Known.FirstOrDefault(k => Simplify(k.Name) == Simplify(name));

    private static string Simplify(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
