namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>A repository label.</summary>
internal sealed class LabelRecord
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public required string Color { get; set; }

    public string? Description { get; set; }
}
