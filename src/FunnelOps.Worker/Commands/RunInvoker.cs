using FunnelOps.Playbooks;
using FunnelOps.Publishing;
using FunnelOps.Worker.Hosting;
using FunnelOps.Worker.Presentation;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelOps.Worker.Commands;

/// <summary>Runs the weekly job inside the worker host and turns failures into messages and exit codes.</summary>
internal static class RunInvoker
{
    public static async Task<(int ExitCode, RunResult? Result)> InvokeAsync(
        RunRequest request, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = WorkerHost.Build(verbose);
        var run = host.Services.GetRequiredService<WeeklyRun>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var observer = new ConsoleObserver(output, live: !Console.IsOutputRedirected && output == Console.Out, time);
        try
        {
            return (ExitCodes.Success, await run.RunAsync(request, observer, cancellationToken));
        }
        catch (PlaybookLoadException exception)
        {
            error.WriteLine("The playbooks have problems, so nothing was crawled or changed:");
            foreach (var problem in exception.Errors)
            {
                error.WriteLine($"  {problem}");
            }

            return (ExitCodes.BadInput, null);
        }
        catch (SiteRepositoryException exception)
        {
            error.WriteLine($"{exception.Message} Nothing was committed, and the working tree was left as it was.");
            return (ExitCodes.Failed, null);
        }
    }

    /// <summary>The built-in playbooks, the site repository's own (<c>.funnelops/playbooks</c>) and any given.</summary>
    public static IReadOnlyList<string> PlaybookPaths(string? repository, IEnumerable<string>? extra)
    {
        var paths = new List<string> { BundledFiles.Playbooks };
        if (repository is not null && Path.Combine(repository, ".funnelops", "playbooks") is var custom && Directory.Exists(custom))
        {
            paths.Add(custom);
        }

        paths.AddRange(extra ?? []);
        return paths;
    }
}
