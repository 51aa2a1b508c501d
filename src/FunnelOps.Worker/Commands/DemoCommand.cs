using System.CommandLine;
using FunnelOps.Worker.Presentation;

namespace FunnelOps.Worker.Commands;

/// <summary><c>funnelops demo</c>: the whole weekly run on the bundled sample site, offline, with no token.</summary>
internal static class DemoCommand
{
    public static Command Create(CommonOptions common, TextWriter output, TextWriter error)
    {
        var command = new Command("demo",
            "See FunnelOps work in under a minute: it checks Keelboard, a sample marketing site that ships with it, " +
            "ranks what loses buyers, fixes the top problem in the site's repository and writes the pull request. " +
            "Needs no internet and no GitHub account.")
        {
            common.Out, common.Chromium, common.Verbose,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var outDirectory = Path.GetFullPath(parse.GetValue(common.Out)!);
            var workFolder = Path.Combine(Path.GetTempPath(), $"funnelops-demo-{Guid.NewGuid().ToString("N")[..8]}");
            Directory.CreateDirectory(workFolder);

            var (code, result, repository) = await DemoRunner.RunAsync(workFolder, outDirectory,
                parse.GetValue(common.Chromium), parse.GetValue(common.Verbose), output, error, cancellationToken);
            if (result is null)
            {
                return code;
            }

            ResultPrinter.PrintBacklog(output, result);
            ResultPrinter.PrintChange(output, result, showPullRequest: true);
            ResultPrinter.PrintNotes(output, result);
            RunCommand.PrintWhere(output, result, repository);
            ResultPrinter.PrintReports(output, outDirectory);
            output.WriteLine();
            output.WriteLine("Next: point FunnelOps at your own staging site with " +
                "`funnelops run --site http://localhost:4000 --repo . --dry-run`.");
            return code;
        });
        return command;
    }
}
