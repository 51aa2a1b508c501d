namespace FunnelOps.GitHubEmulator;

/// <summary>A repository label.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Color">Its colour, six hex digits without <c>#</c>.</param>
/// <param name="Description">Its description, if any.</param>
public sealed record LabelSnapshot(string Name, string Color, string? Description);
