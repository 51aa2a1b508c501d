using Microsoft.Extensions.Logging;

namespace FunnelOps.Publishing;

/// <summary>Log events of the fix, verify and publish stages (ids 6000-6099).</summary>
internal static partial class PublishLog
{
    [LoggerMessage(6000, LogLevel.Information, "Fixing {Playbook} on {Url} in {Files}")]
    public static partial void Fixing(ILogger logger, string playbook, Uri url, string files);

    [LoggerMessage(6001, LogLevel.Information, "Verification of {Playbook}: {Passed}")]
    public static partial void Verified(ILogger logger, string playbook, bool passed);

    [LoggerMessage(6002, LogLevel.Information, "Committed {Commit} on {Branch}")]
    public static partial void Committed(ILogger logger, string commit, string branch);

    [LoggerMessage(6003, LogLevel.Warning, "The site repository is not clean; nothing is changed")]
    public static partial void DirtyRepository(ILogger logger);

    [LoggerMessage(6004, LogLevel.Information, "Branch {Branch} already exists; nothing new is committed")]
    public static partial void BranchExists(ILogger logger, string branch);
}
