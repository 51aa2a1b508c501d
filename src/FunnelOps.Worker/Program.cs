using System.Globalization;
using FunnelOps.Worker;

// Reports, pull requests and comments write numbers one way ("1,234.5") whatever the machine's
// language, so that a number a reviewer reads means the same on every runner.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the run cleanly; the working tree is restored before exit.
    e.Cancel = true;
    cancellation.Cancel();
};

return await FunnelOpsCli.InvokeAsync(args, Console.Out, Console.Error, cancellation.Token);
