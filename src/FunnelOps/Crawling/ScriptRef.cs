namespace FunnelOps.Crawling;

/// <summary>One script element in the document head.</summary>
/// <param name="Src">The script URL, or null for an inline script.</param>
/// <param name="Async">True when the script has <c>async</c>.</param>
/// <param name="Defer">True when the script has <c>defer</c>.</param>
/// <param name="Type">The <c>type</c> attribute, when present.</param>
public sealed record ScriptRef(string? Src, bool Async, bool Defer, string? Type)
{
    /// <summary>True when the browser must download and run the script before it can render.</summary>
    public bool IsRenderBlocking =>
        Src is not null && !Async && !Defer && !string.Equals(Type, "module", StringComparison.OrdinalIgnoreCase);
}
