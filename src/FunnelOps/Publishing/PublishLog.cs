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

    [LoggerMessage(6010, LogLevel.Warning, "Waiting {Seconds} s before trying to {Operation} again: {Reason}")]
    public static partial void Retrying(ILogger logger, string operation, double seconds, string reason);

    [LoggerMessage(6011, LogLevel.Information, "Pushed {Branch} to {Remote}")]
    public static partial void Pushed(ILogger logger, string branch, Uri remote);

    [LoggerMessage(6012, LogLevel.Information, "Pull request {Number} for {Branch}: {Url}")]
    public static partial void PullRequestOpened(ILogger logger, int number, string branch, Uri url);

    [LoggerMessage(6013, LogLevel.Information, "Cadence: {Decision}")]
    public static partial void Cadence(ILogger logger, string decision);

    [LoggerMessage(6014, LogLevel.Information, "Backlog issue {Number} is up to date")]
    public static partial void BacklogIssue(ILogger logger, int number);

    [LoggerMessage(6015, LogLevel.Information, "Pull request {Number} measured: {Outcome}")]
    public static partial void Measured(ILogger logger, int number, string outcome);

    [LoggerMessage(6016, LogLevel.Information, "Cloned {Remote} ({Branch}) into {Folder}")]
    public static partial void Cloned(ILogger logger, Uri remote, string branch, string folder);

    [LoggerMessage(6020, LogLevel.Information, "Read the local state file {Path}: {Count} changes")]
    public static partial void StateRead(ILogger logger, string path, int count);

    [LoggerMessage(6021, LogLevel.Debug, "Wrote the local state file {Path}: {Count} changes")]
    public static partial void StateWritten(ILogger logger, string path, int count);

    [LoggerMessage(6022, LogLevel.Information, "Branch {Branch} is now {Status}")]
    public static partial void LocalStatus(ILogger logger, string branch, string status);

    [LoggerMessage(6023, LogLevel.Information, "Branch {Branch} measured: {Outcome}")]
    public static partial void LocalMeasured(ILogger logger, string branch, string outcome);
}
