namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>An account: the organisation owning the repository, the token's bot, or a human.</summary>
internal sealed record UserRecord(string Login, long Id, string Type);
