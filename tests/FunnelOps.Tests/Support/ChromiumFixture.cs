using FunnelOps.Rendering;

namespace FunnelOps.Tests.Support;

/// <summary>
/// One headless Chromium for all browser tests. When no browser is installed, every test that
/// needs one fails with a message that says how to install it; none is skipped silently.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private PlaywrightMobileRenderer? _renderer;

    public IMobileRenderer Renderer => _renderer ?? throw new InvalidOperationException(
        "This test needs Chromium and none was found. " + ChromiumLocator.InstallAdvice);

    public async Task InitializeAsync()
    {
        if (ChromiumLocator.Find() is { } executable)
        {
            _renderer = await PlaywrightMobileRenderer.LaunchAsync(executable, TimeSpan.FromSeconds(20));
        }
    }

    public async Task DisposeAsync()
    {
        if (_renderer is not null)
        {
            await _renderer.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumGroup : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
