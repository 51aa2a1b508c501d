using FunnelOps.Worker;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the run cleanly; the working tree is restored before exit.
    e.Cancel = true;
    cancellation.Cancel();
};

return await FunnelOpsCli.InvokeAsync(args, Console.Out, Console.Error, cancellation.Token);
