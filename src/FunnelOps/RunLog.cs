using Microsoft.Extensions.Logging;

namespace FunnelOps;

/// <summary>Log events of the run as a whole (ids 100-199).</summary>
internal static partial class RunLog
{
    [LoggerMessage(100, LogLevel.Information, "Weekly run for {Site}, week {Week}, with {Playbooks} playbooks")]
    public static partial void Started(ILogger logger, Uri site, string week, int playbooks);

    [LoggerMessage(101, LogLevel.Information, "Run finished: {Findings} findings, change branch {Branch}")]
    public static partial void Finished(ILogger logger, int findings, string branch);
}
