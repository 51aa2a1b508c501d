namespace FunnelOps.Tests.Scenarios;

/// <summary>What GitHub looks like after one undisturbed first run: the state every disturbed run must end in.</summary>
public sealed class UndisturbedRun : IAsyncLifetime
{
    public string Outline { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var world = await ScenarioWorld.StartAsync();
        await world.RunAsync();
        Outline = world.Outline();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
