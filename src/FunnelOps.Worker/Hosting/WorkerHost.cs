using FunnelOps.Crawling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FunnelOps.Worker.Hosting;

/// <summary>Builds the host every command runs in: logging, the pooled HTTP client, the clock and the engine.</summary>
internal static class WorkerHost
{
    /// <summary>Creates the host. Logs go to standard error so standard output stays readable and pipeable.</summary>
    public static IHost Build(bool verbose)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Production",
        });

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);

        // Every HTTP request would otherwise log four lines; FunnelOps logs what matters itself.
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFunnelOpsCrawler();
        builder.Services.AddSingleton<WeeklyRun>();
        return builder.Build();
    }
}
