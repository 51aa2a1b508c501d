namespace FunnelOps.Publishing;

/// <summary>An issue on the code host.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Url">Its web address.</param>
/// <param name="Body">Its body.</param>
public sealed record HostedIssue(int Number, Uri Url, string? Body);
