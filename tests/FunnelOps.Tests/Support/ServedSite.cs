using FunnelOps.Serving;

namespace FunnelOps.Tests.Support;

/// <summary>A site built from (path, contents) pairs and served over real HTTP on loopback.</summary>
public sealed class ServedSite : IAsyncDisposable
{
    private readonly StaticSiteServer _server;

    private ServedSite(TempFolder folder, StaticSiteServer server)
    {
        Folder = folder;
        _server = server;
    }

    public TempFolder Folder { get; }

    public Uri Address => _server.Address;

    public Uri Url(string path) => new(_server.Address, path);

    public static async Task<ServedSite> StartAsync(params (string Path, string Contents)[] files)
    {
        var folder = TempFolder.With(files);
        return new ServedSite(folder, await StaticSiteServer.StartAsync(folder.Path, CancellationToken.None));
    }

    public static async Task<ServedSite> ServeAsync(TempFolder folder) =>
        new(folder, await StaticSiteServer.StartAsync(folder.Path, CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Folder.Dispose();
    }
}
