using System.CommandLine;
using FunnelOps.Worker.Presentation;

namespace FunnelOps.Worker.Commands;

/// <summary><c>funnelops run --site URL --repo PATH</c>: the weekly job.</summary>
internal static class RunCommand
{
    public static Command Create(CommonOptions common, TextWriter output, TextWriter error)
    {
        var site = new Option<string>("--site")
        {
            Description = "The website to check, for example https://www.example.com or http://localhost:4000",
            Required = true,
        };
        var repo = new Option<string>("--repo")
        {
            Description = "The folder of the website's source repository, which FunnelOps edits on a new branch.",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Prepare and check the change and show it, but commit nothing.",
        };
        var publish = new Option<string>("--publish")
        {
            Description = "Where the change goes: local (a branch plus pull-request.md in the reports folder) " +
                "or github (a pull request).",
            DefaultValueFactory = _ => "local",
        };
        publish.AcceptOnlyFromAmong("local", "github");

        var command = new Command("run",
            "The weekly job: check the website, rank what loses buyers, fix the top problem in the website's " +
            "repository on a new branch, and write the pull request that explains it.")
        {
            site, repo, dryRun, publish, common.Render, common.Out, common.Playbooks, common.Chromium,
            common.MaxPages, common.Config, common.Verbose,
            common.Device, common.Network, common.CpuSlowdown, common.PagesAtOnce,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CommonOptions.ParseSite(parse.GetValue(site), error) is not { } url)
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(publish) == "github")
            {
                error.WriteLine("Opening pull requests on GitHub is not available in this version. " +
                    "Use --publish local: the change is committed on a branch and the pull request text is " +
                    "written to pull-request.md, ready to paste.");
                return ExitCodes.BadInput;
            }

            var repository = parse.GetValue(repo)!;
            if (repository.Contains("://", StringComparison.Ordinal) || repository.StartsWith("git@", StringComparison.Ordinal))
            {
                error.WriteLine($"{repository} is a remote address. Clone the repository first " +
                    "(git clone <address>) and pass the folder to --repo.");
                return ExitCodes.BadInput;
            }

            if (!Directory.Exists(repository))
            {
                error.WriteLine($"The folder {repository} does not exist. Pass the folder of the website's repository to --repo.");
                return ExitCodes.BadInput;
            }

            var outDirectory = Path.GetFullPath(parse.GetValue(common.Out)!);
            var request = new RunRequest
            {
                Site = url,
                RepositoryPath = Path.GetFullPath(repository),
                DryRun = parse.GetValue(dryRun),
                OutputDirectory = outDirectory,
                Render = CommonOptions.ParseRender(parse.GetValue(common.Render)!),
                ChromiumPath = parse.GetValue(common.Chromium),
                RenderOverrides = common.RenderOverrides(parse),
                PlaybookPaths = RunInvoker.PlaybookPaths(repository, parse.GetValue(common.Playbooks)),
            };
            var (code, result) = await RunInvoker.InvokeAsync(request, common.Settings(parse), output, error,
                cancellationToken);
            if (result is not null)
            {
                ResultPrinter.PrintBacklog(output, result);
                ResultPrinter.PrintChange(output, result, showPullRequest: true);
                ResultPrinter.PrintNotes(output, result);
                PrintWhere(output, result, request.RepositoryPath);
                ResultPrinter.PrintReports(output, outDirectory);
            }

            return code;
        });
        return command;
    }

    internal static void PrintWhere(TextWriter output, RunResult result, string repository)
    {
        if (result.Change is { Branch: { } branch })
        {
            output.WriteLine();
            output.WriteLine($"The change is committed on the branch {branch} in {repository}.");
            output.WriteLine($"Your checked-out branch was left as it was. To look at the change: git -C {repository} show {branch}");
        }
    }
}
