using System.CommandLine;
using FunnelOps.Worker.Presentation;

namespace FunnelOps.Worker.Commands;

/// <summary><c>funnelops audit --site URL</c>: find and rank problems without changing anything.</summary>
internal static class AuditCommand
{
    public static Command Create(CommonOptions common, TextWriter output, TextWriter error)
    {
        var site = new Option<string>("--site")
        {
            Description = "The website to check, for example https://www.example.com or http://localhost:4000",
            Required = true,
        };
        var command = new Command("audit",
            "Read your website, find what loses buyers at each funnel stage, and rank it by projected pipeline. " +
            "Changes nothing: the result is a report.")
        {
            site, common.Render, common.Out, common.Playbooks, common.Chromium, common.MaxPages, common.Config, common.Verbose,
            common.Signals,
            common.Device, common.Network, common.CpuSlowdown, common.PagesAtOnce,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CommonOptions.ParseSite(parse.GetValue(site), error) is not { } url)
            {
                return ExitCodes.BadInput;
            }

            var outDirectory = Path.GetFullPath(parse.GetValue(common.Out)!);
            var request = new RunRequest
            {
                Site = url,
                OutputDirectory = outDirectory,
                Render = CommonOptions.ParseRender(parse.GetValue(common.Render)!),
                ChromiumPath = parse.GetValue(common.Chromium),
                RenderOverrides = common.RenderOverrides(parse),
                PlaybookPaths = RunInvoker.PlaybookPaths(null, parse.GetValue(common.Playbooks)),
            };
            var (code, result) = await RunInvoker.InvokeAsync(request, common.Settings(parse), output, error,
                cancellationToken);
            if (result is not null)
            {
                ResultPrinter.PrintBacklog(output, result);
                ResultPrinter.PrintNotes(output, result);
                ResultPrinter.PrintReports(output, outDirectory);
            }

            return code;
        });
        return command;
    }
}
