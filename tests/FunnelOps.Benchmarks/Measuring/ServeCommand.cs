using FunnelOps.Serving;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>The <c>serve</c> command: the engine's static site server on loopback, until the process is stopped.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string folder)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

        await using var server = await StaticSiteServer.StartAsync(Path.GetFullPath(folder), stop.Token);
        Console.WriteLine($"url={server.Address}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return 0;
    }
}
