namespace FunnelOps.Rendering;

/// <summary>Loads pages in a real browser with a mobile profile. The one real implementation uses Playwright.</summary>
public interface IMobileRenderer : IAsyncDisposable
{
    /// <summary>Renders <paramref name="url"/> and measures it; failures are returned, not thrown.</summary>
    Task<RenderResult> RenderAsync(Uri url, CancellationToken cancellationToken);
}
