using Microsoft.Extensions.Logging;

namespace FunnelOps.Rendering;

/// <summary>Log events of the render stage (ids 2000-2099).</summary>
internal static partial class RenderLog
{
    [LoggerMessage(2000, LogLevel.Information, "Rendering {Pages} pages with {Browser}")]
    public static partial void Started(ILogger logger, int pages, string browser);

    [LoggerMessage(2001, LogLevel.Debug, "Rendered {Url}: {Metrics}")]
    public static partial void Rendered(ILogger logger, Uri url, string metrics);

    [LoggerMessage(2002, LogLevel.Warning, "{Url} could not be rendered: {Reason}")]
    public static partial void Failed(ILogger logger, Uri url, string reason);

    [LoggerMessage(2003, LogLevel.Information, "No browser found; mobile checks are skipped")]
    public static partial void NoBrowser(ILogger logger);
}
