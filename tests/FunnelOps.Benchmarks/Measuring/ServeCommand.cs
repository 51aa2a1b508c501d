using System.Runtime.InteropServices;
using FunnelOps.Serving;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>The <c>serve</c> command: the engine's static site server on loopback, until the process is stopped.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string folder)
    {
        // SIGINT and SIGTERM end the wait below, and Main returns normally; the runtime's own
        // shutdown on SIGTERM would wait for a handler that waits for Main.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

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
