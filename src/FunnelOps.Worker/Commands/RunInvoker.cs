using FunnelOps.Configuration;
using FunnelOps.Playbooks;
using FunnelOps.Publishing;
using FunnelOps.Signals;
using FunnelOps.Worker.Hosting;
using FunnelOps.Worker.Presentation;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelOps.Worker.Commands;

/// <summary>Runs the weekly job inside the worker host and turns failures into messages and exit codes.</summary>
internal static class RunInvoker
{
    public static async Task<(int ExitCode, RunResult? Result)> InvokeAsync(
        RunRequest request, RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = WorkerHost.Build(settings.Verbose);
        var run = host.Services.GetRequiredService<WeeklyRun>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var observer = new ConsoleObserver(output, live: !Console.IsOutputRedirected && output == Console.Out, time);
        try
        {
            var configured = WithConfiguration(request, settings.ConfigPath, settings.MaxPages, settings.SignalFiles ?? [],
                settings.ApiUrlGiven);
            return (ExitCodes.Success, await run.RunAsync(configured, observer, cancellationToken));
        }
        catch (FileNotFoundException exception)
        {
            error.WriteLine($"The file {exception.FileName} does not exist. Check the path and run again.");
            return (ExitCodes.BadInput, null);
        }
        catch (SignalImportException exception)
        {
            error.WriteLine($"An export with figures per page could not be read, so nothing was crawled or changed: {exception.Message}");
            return (ExitCodes.BadInput, null);
        }
        catch (ConfigurationException exception)
        {
            error.WriteLine("The configuration file has problems, so nothing was crawled or changed:");
            foreach (var problem in exception.Errors)
            {
                error.WriteLine($"  {problem}");
            }

            return (ExitCodes.BadInput, null);
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
        catch (CodeHostException exception)
        {
            error.WriteLine(exception.Message);
            return (ExitCodes.Failed, null);
        }
        catch (Octokit.AuthorizationException)
        {
            error.WriteLine("GitHub refused the token. Check that it is valid and may read and write the repository's " +
                "contents, pull requests and issues, then run again.");
            return (ExitCodes.Failed, null);
        }
        catch (Octokit.ApiException exception)
        {
            error.WriteLine($"GitHub answered {(int)exception.StatusCode}: {exception.Message}. Run again: FunnelOps " +
                "picks up where it stopped without opening anything twice.");
            return (ExitCodes.Failed, null);
        }
        catch (LocalStateException exception)
        {
            error.WriteLine(exception.Message);
            return (ExitCodes.BadInput, null);
        }
        catch (SiteRepositoryException exception)
        {
            error.WriteLine($"{exception.Message} Nothing was committed, and the working tree was left as it was.");
            return (ExitCodes.Failed, null);
        }
    }

    /// <summary>
    /// Applies the site's configuration (from <paramref name="configPath"/>, else the repository's
    /// <c>.funnelops/config.yml</c>) to <paramref name="request"/>; command-line values win.
    /// </summary>
    /// <exception cref="ConfigurationException">When the file is invalid.</exception>
    /// <exception cref="SignalImportException">When an export cannot be read.</exception>
    private static RunRequest WithConfiguration(RunRequest request, string? configPath, int? maxPagesOption,
        IReadOnlyList<string> signalFiles, bool apiUrlGiven = false)
    {
        var configuration = configPath is not null
            ? ConfigurationLoader.Load(configPath, File.ReadAllText(configPath))
            : ConfigurationLoader.LoadFromRepository(request.RepositoryPath);
        return request with
        {
            Economics = configuration.Economics,
            StageRules = configuration.StageRules,
            TimeZone = configuration.TimeZone,
            MaxPages = maxPagesOption ?? configuration.MaxPages ?? request.MaxPages,
            ConfigureCrawl = configuration.Crawl,
            Fixes = configuration.Fixes,
            Signals = SignalImporter.Import(
                [.. configuration.Signals, .. signalFiles.Select(f => new SignalSource { Path = Path.GetFullPath(f) })],
                request.Site),
            RenderSettings = configuration.Render,
            GitHub = request.GitHub is { } github ? configuration.GitHub.ApplyTo(github, apiUrlGiven) : null,
            Cadence = ChangeCadence.Of(configuration.GitHub),
        };
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
